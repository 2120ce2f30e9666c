package org.stationledger.query.station;

record Department(String departmentId, String name) {
}
