package org.stationledger.query.assessment;

enum CycleStatus {
    OPEN,
    CLOSED
}
