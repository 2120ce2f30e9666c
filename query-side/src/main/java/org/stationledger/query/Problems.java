package org.stationledger.query;

import org.stationledger.events.RuleViolation;

/** The refusals a query can end in, with the codes clients rely on. */
public final class Problems {

    private Problems() {
    }

    public static RuleViolation notFound(String message) {
        return RuleViolation.notFound("not-found", message);
    }

    public static RuleViolation forbiddenScope(String message) {
        return RuleViolation.forbidden("forbidden-scope", message);
    }

    public static RuleViolation invalidRequest(String message) {
        return RuleViolation.invalid("invalid-request", message);
    }
}
