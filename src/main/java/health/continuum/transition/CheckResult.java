package health.continuum.transition;

import health.continuum.canonical.ContinuumCodes.ReadinessCheck;
import java.util.List;

/**
 * The outcome of one readiness rule.
 *
 * @param detail what was found or, on failure, what is missing
 * @param evidence references of the resources the outcome rests on, e.g. {@code "Appointment/5"}
 */
public record CheckResult(ReadinessCheck check, Status status, String detail, List<String> evidence) {

    public enum Status { PASS, FAIL, NOT_APPLICABLE }

    public CheckResult {
        evidence = List.copyOf(evidence);
    }

    static CheckResult notApplicable(ReadinessCheck check, String reason) {
        return new CheckResult(check, Status.NOT_APPLICABLE, "Not applicable: " + reason, List.of());
    }
}
