package health.continuum.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.conformance.RuleFailure;
import health.continuum.coordination.CoordinationGaps.Action;
import health.continuum.coordination.CoordinationGaps.CheckedRecord;
import health.continuum.coordination.CoordinationGaps.Close;
import health.continuum.coordination.CoordinationGaps.Open;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinationGapsTest {

    private static final RuleFailure NO_COORDINATOR = new RuleFailure("CareTeam",
            "Constraint failed: continuum-careteam-coordinator: 'A care team needs a care coordinator'");
    private static final RuleFailure NO_GOAL = new RuleFailure("CarePlan", "CarePlan.goal: minimum required = 1, but only found 0");

    @Test
    void anActiveCareTeamWithoutCoordinatorOpensOneTaskForThePatient() {
        List<Action> actions = CoordinationGaps.actions(
                new CheckedRecord("CareTeam", "CareTeam/1", "active", "Patient/7", true, List.of(NO_COORDINATOR)));

        assertThat(actions).singleElement().isInstanceOfSatisfying(Open.class, open -> {
            assertThat(open.type()).isEqualTo(TaskType.ASSIGN_CARE_COORDINATOR);
            assertThat(open.taskId()).isEqualTo(CoordinationGaps.coordinatorTaskId("Patient/7"));
            assertThat(open.patient()).isEqualTo("Patient/7");
            assertThat(open.focus()).isEqualTo("CareTeam/1");
            assertThat(open.description()).contains("768832004");
        });
    }

    @Test
    void everyCareTeamOfThePatientNamesTheSameCoordinatorTask() {
        Action first = CoordinationGaps.actions(new CheckedRecord(
                "CareTeam", "CareTeam/1", "active", "Patient/7", true, List.of(NO_COORDINATOR))).get(0);
        Action second = CoordinationGaps.actions(new CheckedRecord(
                "CareTeam", "CareTeam/2", null, "Patient/7", true, List.of(NO_COORDINATOR))).get(0);
        Action otherPatient = CoordinationGaps.actions(new CheckedRecord(
                "CareTeam", "CareTeam/3", "active", "Patient/8", true, List.of(NO_COORDINATOR))).get(0);

        assertThat(second.taskId()).isEqualTo(first.taskId());
        assertThat(otherPatient.taskId()).isNotEqualTo(first.taskId());
    }

    @Test
    void aCareTeamWithACoordinatorClosesThePatientsTask() {
        List<Action> actions = CoordinationGaps.actions(
                new CheckedRecord("CareTeam", "CareTeam/1", "active", "Patient/7", true, List.of()));

        assertThat(actions).singleElement().isInstanceOfSatisfying(Close.class, close -> {
            assertThat(close.taskId()).isEqualTo(CoordinationGaps.coordinatorTaskId("Patient/7"));
            assertThat(close.reason()).contains("CareTeam/1 has a care coordinator");
        });
    }

    @Test
    void aFinishedRecordOpensNothing() {
        assertThat(CoordinationGaps.actions(new CheckedRecord(
                "CareTeam", "CareTeam/1", "inactive", "Patient/7", true, List.of(NO_COORDINATOR)))).isEmpty();
        assertThat(CoordinationGaps.actions(new CheckedRecord(
                "CarePlan", "CarePlan/1", "completed", "Patient/7", true, List.of(NO_GOAL)))).isEmpty();
    }

    @Test
    void otherRulesOpenATaskAboutTheRecordListingThem() {
        List<Action> actions = CoordinationGaps.actions(
                new CheckedRecord("CarePlan", "CarePlan/1", "active", "Patient/7", true, List.of(NO_GOAL)));

        assertThat(actions).singleElement().isInstanceOfSatisfying(Open.class, open -> {
            assertThat(open.type()).isEqualTo(TaskType.RESOLVE_COORDINATION_GAP);
            assertThat(open.taskId()).isEqualTo(CoordinationGaps.gapTaskId("CarePlan/1"));
            assertThat(open.focus()).isEqualTo("CarePlan/1");
            assertThat(open.description()).contains("CarePlan: CarePlan.goal: minimum required = 1");
        });
    }

    @Test
    void anUpdateThatMeetsTheRulesOrEndsTheRecordClosesItsTask() {
        assertThat(CoordinationGaps.actions(new CheckedRecord(
                "CarePlan", "CarePlan/1", "active", "Patient/7", false, List.of())))
                .containsExactly(new Close(CoordinationGaps.gapTaskId("CarePlan/1"),
                        "CarePlan/1 meets the Continuum CarePlan profile"));
        assertThat(CoordinationGaps.actions(new CheckedRecord(
                "CarePlan", "CarePlan/1", "revoked", "Patient/7", false, List.of(NO_GOAL))))
                .containsExactly(new Close(CoordinationGaps.gapTaskId("CarePlan/1"),
                        "CarePlan/1 is no longer open (status revoked)"));
    }

    @Test
    void aNewRecordThatMeetsTheRulesHasNoTaskToClose() {
        assertThat(CoordinationGaps.actions(new CheckedRecord(
                "MedicationStatement", "MedicationStatement/1", "active", "Patient/7", true, List.of()))).isEmpty();
    }

    @Test
    void aRecordOfNoPatientOpensNoTask() {
        assertThat(CoordinationGaps.actions(new CheckedRecord(
                "CareTeam", "CareTeam/1", "active", null, true, List.of(NO_COORDINATOR)))).isEmpty();
    }

    @Test
    void taskIdsAreValidFhirIdsWhateverTheRecordIdLength() {
        String id = CoordinationGaps.gapTaskId("CarePlan/" + "a".repeat(64));

        assertThat(id).matches("[A-Za-z0-9\\-.]{1,64}");
        assertThat(CoordinationGaps.coordinatorTaskId("Patient/" + "b".repeat(64))).matches("[A-Za-z0-9\\-.]{1,64}");
    }
}
