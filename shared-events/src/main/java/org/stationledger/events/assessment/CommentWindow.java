package org.stationledger.events.assessment;

import java.time.Duration;
import java.time.Instant;

/**
 * The comment window after a cycle's close: a station may appeal its draft rating until the close plus the cycle's
 * comment window days (that instant included). One rule for the command that files an appeal and the views that tell
 * a station how long it has.
 */
public final class CommentWindow {

    private CommentWindow() {
    }

    /** The last instant an appeal is accepted. */
    public static Instant appealsUntil(Instant closedAt, int commentWindowDays) {
        return closedAt.plus(Duration.ofDays(commentWindowDays));
    }

    public static boolean isOpen(Instant closedAt, int commentWindowDays, Instant now) {
        return !now.isAfter(appealsUntil(closedAt, commentWindowDays));
    }
}
