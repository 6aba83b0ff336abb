package health.continuum.assessment.glue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the assessment capability, under {@code continuum.assessment}.
 *
 * @param reviewDueBusinessDays business days within which the care coordinator reviews a positive screen
 */
@ConfigurationProperties("continuum.assessment")
public record AssessmentProperties(int reviewDueBusinessDays) {}
