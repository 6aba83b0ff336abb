package health.continuum.workflow.glue;

import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.workflow.ReferralFollowUp;
import health.continuum.workflow.TaskLifecycle;
import health.continuum.workflow.TaskTransitions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Task lifecycle table, read once at start-up so that an invalid table stops the server with its problems, and
 * the referral follow-up rule, whose sweep is scheduled.
 */
@Configuration
@EnableScheduling
public class WorkflowConfig {

    @Bean
    public ReferralFollowUp referralFollowUp(WorkflowProperties properties, CalendarProperties calendar) {
        return new ReferralFollowUp(calendar.clock(), properties.referrals().acceptanceBusinessDays());
    }

    @Bean
    public TaskLifecycle taskLifecycle(WorkflowProperties properties) throws IOException {
        if (properties.taskTransitions() == null || properties.taskTransitions().toString().isBlank()) {
            return TaskTransitions.builtIn();
        }
        try (InputStream in = Files.newInputStream(properties.taskTransitions())) {
            return TaskTransitions.read(properties.taskTransitions().toString(), in);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("continuum.workflow.task-transitions is invalid: " + e.getMessage(), e);
        }
    }
}
