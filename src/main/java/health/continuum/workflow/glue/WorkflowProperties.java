package health.continuum.workflow.glue;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the coordination workflow ({@code continuum.workflow.*}); defaults live in application.yaml.
 *
 * @param taskTransitions a site's task-transitions.csv read instead of the built-in table; none: the built-in one
 * @param referrals when a referral not yet accepted gets a follow-up Task
 */
@ConfigurationProperties("continuum.workflow")
public record WorkflowProperties(Path taskTransitions, Referrals referrals) {

    /**
     * @param acceptanceBusinessDays business days after a referral is authored within which its organization accepts
     * @param sweepInterval how often the server looks for referrals past that
     */
    public record Referrals(int acceptanceBusinessDays, Duration sweepInterval) {}
}
