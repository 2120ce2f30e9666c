package org.stationledger.query.burden;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;

/**
 * Counts inspection requests into {@link InspectionFigures}: the one place that says what a request counts as,
 * whether the requests come from the burden read model or from a fold over the event store.
 */
public final class InspectionTally {

    private long requests;
    private long authorised;
    private long blocked;
    private long pending;
    private long jointVisits;
    private final Map<BlockReason, Long> blockedByReason = InspectionFigures.noBlocks();
    private final Map<ExceptionCategory, ExceptionFigures> exceptions = new EnumMap<>(ExceptionCategory.class);

    public InspectionTally() {
        for (ExceptionCategory category : ExceptionCategory.values()) {
            exceptions.put(category, new ExceptionFigures(0, 0, 0, 0));
        }
    }

    /**
     * {@code count} requests in the same state. {@code reason} is set for a blocked one; {@code category} for an
     * exception the department asked for with valid grounds, whatever the co-ordinating office decided.
     */
    public void add(RequestStatus status, BlockReason reason, ExceptionCategory category, long count) {
        requests += count;
        switch (status) {
            case AUTHORISED -> authorised += count;
            case BLOCKED -> {
                blocked += count;
                blockedByReason.merge(reason, count, Long::sum);
            }
            case PENDING_EXCEPTION -> pending += count;
        }
        if (category != null) {
            exceptions.merge(category, new ExceptionFigures(count,
                    status == RequestStatus.AUTHORISED ? count : 0,
                    status == RequestStatus.BLOCKED ? count : 0,
                    status == RequestStatus.PENDING_EXCEPTION ? count : 0), ExceptionFigures::plus);
        }
    }

    public void addJointVisits(long count) {
        jointVisits += count;
    }

    void add(InspectionFigures figures) {
        requests += figures.requests();
        authorised += figures.authorised();
        blocked += figures.blocked();
        pending += figures.pendingExceptions();
        figures.blockedByReason().forEach((reason, count) -> blockedByReason.merge(reason, count, Long::sum));
        figures.exceptionsByCategory().forEach((category, count) -> exceptions.merge(category, count, ExceptionFigures::plus));
    }

    public InspectionFigures figures() {
        long exceptionCount = exceptions.values().stream().mapToLong(ExceptionFigures::requested).sum();
        return new InspectionFigures(requests, authorised, blocked, pending,
                Collections.unmodifiableMap(new EnumMap<>(blockedByReason)), exceptionCount,
                Collections.unmodifiableMap(new EnumMap<>(exceptions)), jointVisits);
    }
}
