package health.continuum.transition;

import static health.continuum.transition.ReadyDischarge.task;
import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.calendar.BusinessDayClock;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.transition.FollowUpTasks.Proposal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FollowUpTasksTest {

    private static final DischargeReadinessRules RULES = new DischargeReadinessRules(
            new BusinessDayClock(ReadyDischarge.ZONE, Set.of()), TcmEligibility.DEFAULT);

    private final ReadyDischarge discharge = new ReadyDischarge();

    private List<Proposal> missing() {
        DischargeContext context = discharge.build();
        return FollowUpTasks.missing(context, RULES.evaluate(context));
    }

    @Test
    void aReadyDischargeNeedsNoNewTask() {
        assertThat(missing()).isEmpty();
    }

    @Test
    void proposesEveryTcmTaskThatIsMissing() {
        discharge.tasks.remove(1);
        discharge.appointments.clear();
        discharge.medicationLists.clear();

        assertThat(missing()).containsExactly(
                new Proposal(TaskType.POST_DISCHARGE_CONTACT, "Patient/1", "Encounter/1", LocalDate.parse("2025-03-11"),
                        "Contact the patient or caregiver by 2025-03-11,"
                                + " within 2 business days of discharge (CMS TCM)"),
                new Proposal(TaskType.FOLLOW_UP_APPOINTMENT, "Patient/1", "Encounter/1", LocalDate.parse("2025-03-14"),
                        "Book a face-to-face visit with the primary care provider or a specialist by 2025-03-14"
                                + " (CMS TCM, HIGH complexity: 7 days)"),
                new Proposal(TaskType.MEDICATION_RECONCILIATION, "Patient/1", "Encounter/1",
                        LocalDate.parse("2025-03-14"),
                        "Reconcile medications no later than the face-to-face visit, by 2025-03-14 (CMS TCM)"));
    }

    @Test
    void neverProposesATaskWhoseKeyExistsEvenIfCancelled() {
        discharge.tasks.set(1, task("Task/21", TaskType.POST_DISCHARGE_CONTACT, "cancelled", null, null));
        discharge.appointments.clear();
        discharge.tasks.add(task("Task/23", TaskType.FOLLOW_UP_APPOINTMENT, "requested", null, null));

        assertThat(missing()).isEmpty();
    }

    @Test
    void aTaskFocusedOnAnotherEncounterDoesNotCount() {
        discharge.tasks.set(1, new DischargeContext.TaskSummary("Task/21",
                ReadyDischarge.taskType(TaskType.POST_DISCHARGE_CONTACT), "completed", "Practitioner/coordinator", null,
                "Encounter/0"));

        assertThat(missing()).extracting(Proposal::type).containsExactly(TaskType.POST_DISCHARGE_CONTACT);
    }

    @Test
    void aModerateComplexityVisitIsDueInFourteenDays() {
        discharge.encounter("IMP", "finished", ReadyDischarge.DISCHARGE, "home", TcmComplexity.MODERATE);
        discharge.appointments.clear();

        assertThat(missing()).singleElement().satisfies(proposal -> {
            assertThat(proposal.type()).isEqualTo(TaskType.FOLLOW_UP_APPOINTMENT);
            assertThat(proposal.due()).isEqualTo(LocalDate.parse("2025-03-21"));
        });
    }

    @Test
    void anIneligibleDischargeGetsNoTcmTask() {
        discharge.encounter("IMP", "finished", ReadyDischarge.DISCHARGE, "hosp", null);
        discharge.tasks.clear();
        discharge.appointments.clear();
        discharge.medicationLists.clear();

        assertThat(missing()).isEmpty();
    }
}
