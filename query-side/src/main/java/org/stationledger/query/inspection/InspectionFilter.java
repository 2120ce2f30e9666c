package org.stationledger.query.inspection;

/** Which inspections to list, already narrowed to the caller's scope; null fields do not filter. */
record InspectionFilter(String stationId, String departmentId, Integer year, InspectionStatus status, int limit,
                        int offset) {
}
