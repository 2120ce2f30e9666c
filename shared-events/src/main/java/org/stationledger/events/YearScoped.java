package org.stationledger.events;

/** An event that belongs to one assessment year; lets the audit trail be filtered by year. */
public interface YearScoped {
    int year();
}
