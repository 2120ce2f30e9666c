package org.stationledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of the trail; pass {@code nextAfter} as {@code after} for the next one (null: this page is empty). */
record AuditPage(List<AuditEvent> events, @JsonInclude(JsonInclude.Include.ALWAYS) Long nextAfter) {

    static AuditPage of(List<AuditEvent> events) {
        return new AuditPage(events, events.isEmpty() ? null : events.get(events.size() - 1).globalSequence());
    }
}
