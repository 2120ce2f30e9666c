package org.stationledger.command.rating;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.rating.FindingReduction;
import org.stationledger.events.rating.Grade;

/** The rules of deciding appeals and confirming grades, kept pure so each is tested on its own. */
final class AppealRules {

    private AppealRules() {
    }

    /**
     * An upheld appeal changes only the findings it disputed: it withdraws some and lowers the deduction of
     * others, at least one change, never the same finding twice, never a reduction that is not lower.
     */
    static void checkUpheld(Set<String> disputed, List<String> withdrawn, List<FindingReduction> reductions,
                            Function<String, BigDecimal> currentDeduction) {
        if (withdrawn.isEmpty() && reductions.isEmpty()) {
            throw RuleViolation.invalid("nothing-to-uphold",
                    "An upheld appeal withdraws or reduces at least one of the disputed findings.");
        }
        Set<String> named = new HashSet<>();
        for (String findingId : withdrawn) {
            requireDisputedOnce(disputed, named, findingId);
        }
        for (FindingReduction reduction : reductions) {
            requireDisputedOnce(disputed, named, reduction.findingId());
            BigDecimal current = currentDeduction.apply(reduction.findingId());
            if (reduction.deduction().signum() < 0 || reduction.deduction().compareTo(current) >= 0) {
                throw RuleViolation.unprocessable("invalid-reduction", "Finding " + reduction.findingId()
                        + " deducts " + current + "; a reduction sets it to a lower amount, not below 0.");
            }
        }
    }

    private static void requireDisputedOnce(Set<String> disputed, Set<String> named, String findingId) {
        if (!disputed.contains(findingId)) {
            throw RuleViolation.unprocessable("finding-not-disputed",
                    "Finding " + findingId + " is not one the appeal disputes.");
        }
        if (!named.add(findingId)) {
            throw RuleViolation.invalid("finding-named-twice", "Finding " + findingId + " is named twice in the decision.");
        }
    }

    /**
     * The coordinator confirms the eligible grade or, giving a reason, a lower one; never a higher one.
     * No grade given means the eligible one.
     */
    static Grade confirmedGrade(Grade eligible, Grade requested, String reason) {
        if (requested == null || requested == eligible) {
            return eligible;
        }
        if (eligible.isLowerThan(requested)) {
            throw RuleViolation.unprocessable("grade-above-eligible",
                    "The score makes the station eligible for " + eligible + "; it cannot be rated " + requested + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("reason-required", "A grade lower than the eligible " + eligible + " needs a reason.");
        }
        return requested;
    }
}
