package org.stationledger.query.rating;

enum AppealStatus {
    PENDING,
    UPHELD,
    DISMISSED
}
