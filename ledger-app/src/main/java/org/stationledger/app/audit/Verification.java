package org.stationledger.app.audit;

/**
 * The answer of a verification. {@code eventsChecked} events matched their links; when {@code verified} is false,
 * {@code firstBrokenSequence} is the global index where the chain first breaks and {@code reason} says how
 * (docs/audit.md lists the reasons). The head is the last link checked; {@code pendingEvents} were stored after it
 * and are not chained yet.
 */
record Verification(boolean verified, long eventsChecked, Long firstBrokenSequence, String reason,
                           String detail, Long headSequence, String headHash, long pendingEvents) {

    static Verification broken(long eventsChecked, long sequence, String reason, String detail) {
        return new Verification(false, eventsChecked, sequence, reason, detail, null, null, 0);
    }
}
