package org.stationledger.query.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.stationledger.events.Actor;
import org.stationledger.events.Role;
import org.stationledger.events.burden.PublicationTrigger;

/**
 * A publication: the file's hash and the position it was built from. {@code href} regenerates exactly that file;
 * its SHA-256 must be {@code sha256}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PublicationView(String report, String stationId, long position, String format, String sha256,
                       PublicationTrigger trigger, String period, Instant publishedAt, String publishedBy,
                       String href) {

    boolean visibleTo(Actor caller) {
        return stationId == null || caller.seesEverything()
               || caller.is(Role.STATION) && stationId.equals(caller.stationId());
    }
}
