package org.stationledger.events;

/**
 * A refusal by a domain rule. It carries a stable {@code code} that clients can rely on; the HTTP layer turns it
 * into an {@code application/problem+json} answer. Nothing is written when one is thrown.
 */
public class RuleViolation extends RuntimeException {

    /** How the refusal maps onto HTTP. */
    public enum Kind {
        /** The request itself is malformed or out of range (400). */
        INVALID(400),
        /** The caller may not do this, or not for that department or station (403). */
        FORBIDDEN(403),
        /** The resource named in the path does not exist (404). */
        NOT_FOUND(404),
        /** The request conflicts with the current state: duplicate ids, wrong lifecycle step (409). */
        CONFLICT(409),
        /** Well-formed, but breaks a domain rule or names ids that do not exist (422). */
        UNPROCESSABLE(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final String code;
    private final Kind kind;

    public RuleViolation(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static RuleViolation invalid(String code, String message) {
        return new RuleViolation(Kind.INVALID, code, message);
    }

    public static RuleViolation forbidden(String code, String message) {
        return new RuleViolation(Kind.FORBIDDEN, code, message);
    }

    public static RuleViolation notFound(String code, String message) {
        return new RuleViolation(Kind.NOT_FOUND, code, message);
    }

    public static RuleViolation conflict(String code, String message) {
        return new RuleViolation(Kind.CONFLICT, code, message);
    }

    public static RuleViolation unprocessable(String code, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
