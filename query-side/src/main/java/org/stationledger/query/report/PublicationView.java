package org.stationledger.query.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.stationledger.events.Actor;
import org.stationledger.events.Role;
import org.stationledger.events.burden.PublicationTrigger;

/**
 * A publication: the file's hash and the position it was built from. {@code href} regenerates exactly that file;
 * its SHA-256 must be {@code sha256}. Only for a caller who reads the file whole ({@link #seenBy}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PublicationView(String report, String stationId, long position, String format, String sha256,
                       PublicationTrigger trigger, String period, Instant publishedAt, String publishedBy,
                       String href) {

    boolean visibleTo(Actor caller) {
        return stationId == null || caller.seesEverything()
               || caller.is(Role.STATION) && stationId.equals(caller.stationId());
    }

    /**
     * The publication as {@code caller} may check it. A department, or a station reading a jurisdiction report, gets
     * only its own rows of the file ({@code Report#visibleTo}), so what it downloads is not the published file and
     * cannot have its hash: such a caller is told what was published and when, without a hash and a link it could
     * not reproduce.
     */
    PublicationView seenBy(Actor caller) {
        boolean wholeFile = caller.seesEverything() || stationId != null && stationId.equals(caller.stationId());
        return wholeFile ? this : new PublicationView(report, stationId, position, format, null, trigger, period,
                publishedAt, publishedBy, null);
    }
}
