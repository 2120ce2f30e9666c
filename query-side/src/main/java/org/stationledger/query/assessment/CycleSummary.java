package org.stationledger.query.assessment;

record CycleSummary(int year, CycleStatus status) {
}
