package org.stationledger.query.inspection;

enum InspectionStatus {
    AUTHORISED,
    BLOCKED,
    PENDING_EXCEPTION
}
