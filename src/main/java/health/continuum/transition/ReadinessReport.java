package health.continuum.transition;

import health.continuum.canonical.ContinuumCodes.ReadinessCheck;
import java.util.List;

/**
 * The discharge readiness of one encounter.
 *
 * @param tcmEligible whether the discharge qualifies for CMS Transitional Care Management
 * @param schedule the TCM deadlines, counted from the discharge (or from the evaluation time before discharge)
 * @param checks one result per {@link ReadinessCheck}, in the order of that enum
 */
public record ReadinessReport(String encounter, boolean tcmEligible, TcmSchedule schedule, List<CheckResult> checks) {

    public ReadinessReport {
        checks = List.copyOf(checks);
    }

    /** Ready when no check fails. */
    public boolean ready() {
        return checks.stream().noneMatch(result -> result.status() == CheckResult.Status.FAIL);
    }

    public CheckResult check(ReadinessCheck check) {
        return checks.stream().filter(result -> result.check() == check).findFirst().orElseThrow();
    }
}
