package org.stationledger.command;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.stationledger.events.RuleViolation;

/** The one way the command-side tests assert a refusal: a {@link RuleViolation} with a given code, and nothing written. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** Matches a {@link RuleViolation} whose {@code code()} is {@code code}; anything else is described as a mismatch. */
    public static Matcher<Object> ruleViolation(String code) {
        return new TypeSafeDiagnosingMatcher<>(RuleViolation.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                String actual = ((RuleViolation) item).code();
                if (!code.equals(actual)) {
                    mismatch.appendText("a RuleViolation with code ").appendValue(actual)
                            .appendText(" (").appendValue(((RuleViolation) item).getMessage()).appendText(")");
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation with code ").appendValue(code);
            }
        };
    }

    /** The command was refused with {@code code} and no event was applied. */
    public static <T> ResultValidator<T> refused(ResultValidator<T> result, String code) {
        return result.expectException(RuleViolation.class)
                     .expectException(ruleViolation(code))
                     .expectNoEvents();
    }
}
