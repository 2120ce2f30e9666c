package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationledger.events.RuleViolation;

/** Which failed commands are sent again, and that a retry waiting for a lock holds up no other command's retry. */
class ConflictRetrySchedulerTest {

    private final MessagingConfiguration.RetryThreads threads = new MessagingConfiguration.RetryThreads(4);
    private final MessagingConfiguration.ConflictRetryScheduler retries = threads.scheduler(3);

    @AfterEach
    void stopThreads() {
        threads.destroy();
    }

    @Test
    void aRetryThatWaitsHoldsUpNoOtherRetry() throws InterruptedException {
        CountDownLatch released = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        assertThat(retry(() -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).isTrue();
        assertThat(retry(otherRan::countDown)).isTrue();

        assertThat(otherRan.await(10, TimeUnit.SECONDS)).as("the second retry ran while the first waited").isTrue();
        released.countDown();
    }

    @Test
    void onlyALostRaceIsRetried() {
        assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("refused"),
                RuleViolation.conflict("cycle-closed", "The cycle is closed."), failures(), () -> { })).isFalse();
    }

    private boolean retry(Runnable dispatch) {
        return retries.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                new ConcurrencyException("another command changed the aggregate"), failures(), dispatch);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures() {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        failures.add(new Class[] {ConcurrencyException.class});
        return failures;
    }
}
