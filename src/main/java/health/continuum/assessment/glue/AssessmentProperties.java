package health.continuum.assessment.glue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the assessment capability, under {@code continuum.assessment}.
 *
 * @param reviewDueBusinessDays business days within which the care coordinator reviews a positive screen
 * @param maxAge how old a domain's latest result may be before {@code $assessment} reports the domain outdated
 */
@ConfigurationProperties("continuum.assessment")
public record AssessmentProperties(int reviewDueBusinessDays, Duration maxAge) {}
