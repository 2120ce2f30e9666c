package org.stationledger.events.burden;

import java.util.Arrays;
import java.util.Optional;

/** The statistics reports the ledger generates from its own events ("report at most once"); clients use the slug. */
public enum ReportName {
    RATINGS_DISTRIBUTION("ratings-distribution"),
    INSPECTIONS_BY_DEPARTMENT("inspections-by-department"),
    BLOCKED_ATTEMPTS("blocked-attempts"),
    BURDEN("burden"),
    /** One page per station: needs the station's id. */
    STATION_SUMMARY("station-summary");

    private final String slug;

    ReportName(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public boolean perStation() {
        return this == STATION_SUMMARY;
    }

    public static Optional<ReportName> ofSlug(String slug) {
        return Arrays.stream(values()).filter(report -> report.slug.equals(slug)).findFirst();
    }
}
