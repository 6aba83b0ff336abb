package health.continuum.transition;

import health.continuum.canonical.ContinuumCodes.ReadinessCheck;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.transition.CheckResult.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Assist mode: the follow-up Tasks a TCM-eligible discharge still lacks. A Task is proposed when its readiness check
 * fails and no Task with the same code is focused on the encounter yet, whatever that Task's status: task code plus
 * encounter reference is the idempotency key, so a cancelled Task is never re-proposed.
 */
public final class FollowUpTasks {

    private FollowUpTasks() {}

    /**
     * A Task to create: Task.code {@code type}, for {@code patient}, focus {@code focus} (the encounter), due by
     * {@code due} (Task.restriction.period.end).
     */
    public record Proposal(TaskType type, String patient, String focus, LocalDate due, String description) {}

    public static List<Proposal> missing(DischargeContext context, ReadinessReport report) {
        if (!report.tcmEligible()) {
            return List.of();
        }
        TcmSchedule schedule = report.schedule();
        String encounter = context.encounter().reference();
        return Stream.of(
                        // CMS TCM: interactive contact within 2 business days of discharge
                        new Need(ReadinessCheck.POST_DISCHARGE_CONTACT, TaskType.POST_DISCHARGE_CONTACT,
                                schedule.contactDue(), "Contact the patient or caregiver by " + schedule.contactDue()
                                        + ", within 2 business days of discharge (CMS TCM)"),
                        // CMS TCM 99495/99496: face-to-face visit within 14 or 7 calendar days
                        new Need(ReadinessCheck.FOLLOW_UP_APPOINTMENT, TaskType.FOLLOW_UP_APPOINTMENT,
                                schedule.visitDue(), "Book a face-to-face visit with the primary care provider or a"
                                        + " specialist by " + schedule.visitDue() + " (CMS TCM, "
                                        + schedule.complexity() + " complexity: "
                                        + schedule.complexity().visitDays() + " days)"),
                        // CMS TCM: medication reconciliation no later than the date of the face-to-face visit
                        new Need(ReadinessCheck.MEDICATION_RECONCILIATION, TaskType.MEDICATION_RECONCILIATION,
                                schedule.visitDue(), "Reconcile medications no later than the face-to-face visit, by "
                                        + schedule.visitDue() + " (CMS TCM)"))
                .filter(need -> report.check(need.check()).status() == Status.FAIL)
                .filter(need -> context.tasks().stream().noneMatch(task -> task.is(need.type(), encounter)))
                .map(need -> new Proposal(need.type(), context.patient(), encounter, need.due(), need.description()))
                .toList();
    }

    private record Need(ReadinessCheck check, TaskType type, LocalDate due, String description) {}
}
