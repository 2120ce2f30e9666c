package org.stationledger.query.burden;

/** Where an inspection request stands: authorised (planned, or an approved exception), blocked, or waiting. */
public enum RequestStatus {
    AUTHORISED,
    BLOCKED,
    PENDING_EXCEPTION
}
