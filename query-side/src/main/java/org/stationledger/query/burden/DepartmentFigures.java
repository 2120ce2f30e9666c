package org.stationledger.query.burden;

/** A department's raw figures for a year; its baselines are null until the co-ordinating office records them. */
public record DepartmentFigures(String departmentId, String name, Long baselineDocuments, Long baselineMeetings,
                                long documents, long meetings, InspectionFigures inspections) {
}
