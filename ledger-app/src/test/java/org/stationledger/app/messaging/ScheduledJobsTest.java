package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.stationledger.app.IntegrationTest;

/**
 * The scheduled jobs (the audit chain's builder, checkpoints, the idempotency keys' clean-up, rebuild take-overs,
 * monthly publications) run on the application's own scheduler, configured by {@code spring.task.scheduling.*}: no
 * other executor, the command retries' threads above all, takes its place.
 */
class ScheduledJobsTest extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void scheduledJobsRunOnTheApplicationsSchedulerNotOnTheCommandRetries() {
        assertThat(context.getBeansOfType(TaskScheduler.class).values())
                .singleElement().isInstanceOf(ThreadPoolTaskScheduler.class);
        assertThat(context.getBeansOfType(ScheduledExecutorService.class))
                .as("an executor Spring would run the scheduled jobs on in the scheduler's stead").isEmpty();
    }
}
