package org.stationledger.query.assessment;

enum PlanItemStatus {
    PROPOSED,
    APPROVED,
    REJECTED
}
