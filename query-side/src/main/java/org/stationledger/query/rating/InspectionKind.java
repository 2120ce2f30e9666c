package org.stationledger.query.rating;

/** How an inspection was authorised: through the approved plan, or as an exception the coordinator approved. */
enum InspectionKind {
    PLANNED,
    EXCEPTION
}
