package org.stationledger.query.burden;

/** Exceptions of one category: asked for, and what became of them. */
public record ExceptionFigures(long requested, long approved, long refused, long pending) {

    ExceptionFigures plus(ExceptionFigures other) {
        return new ExceptionFigures(requested + other.requested, approved + other.approved, refused + other.refused,
                pending + other.pending);
    }
}
