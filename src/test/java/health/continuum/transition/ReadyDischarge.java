package health.continuum.transition;

import health.continuum.canonical.Coding;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.canonical.StandardCodes;
import health.continuum.transition.DischargeContext.AppointmentSummary;
import health.continuum.transition.DischargeContext.CarePlanSummary;
import health.continuum.transition.DischargeContext.CareTeamSummary;
import health.continuum.transition.DischargeContext.CodedResource;
import health.continuum.transition.DischargeContext.EncounterSummary;
import health.continuum.transition.DischargeContext.IssueSummary;
import health.continuum.transition.DischargeContext.Participant;
import health.continuum.transition.DischargeContext.TaskSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A discharge that passes every readiness check, for tests to break one piece at a time. Friday 7 March 2025, 14:00 in
 * New York: contact due Tuesday 11 March; LACE 10 makes it high complexity, so the visit is due Friday 14 March.
 */
final class ReadyDischarge {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final Instant ADMISSION = Instant.parse("2025-03-01T15:00:00Z"); // Saturday 10:00 EST
    static final Instant DISCHARGE = Instant.parse("2025-03-07T19:00:00Z"); // Friday 14:00 EST
    static final String ENCOUNTER = "Encounter/1";
    static final String PATIENT = "Patient/1";

    // L 6 days -> 4, A emergent -> 3, C 2 -> 2, E 1 -> 1: 4 + 3 + 2 + 1 = 10, high
    static final LaceResult LACE_10 = LaceIndex.score(new LaceInput(ADMISSION, DISCHARGE, true, 2, 1), ZONE);

    static final Participant PATIENT_PARTICIPANT = new Participant(PATIENT, List.of(), false, false);
    static final Participant PCP = new Participant(
            "Practitioner/pcp", List.of(StandardCodes.PRIMARY_CARE_PROVIDER), false, false);

    EncounterSummary encounter = new EncounterSummary(
            ENCOUNTER, "IMP", "finished", ADMISSION, DISCHARGE, "emd", "home", null);
    Instant evaluatedAt = Instant.parse("2025-03-07T20:00:00Z");
    LaceResult lace = LACE_10;
    List<CodedResource> medicationLists = new ArrayList<>(List.of(
            new CodedResource("List/10", "current", List.of(Coding.loinc("10160-0")), ENCOUNTER)));
    List<TaskSummary> tasks = new ArrayList<>(List.of(
            task("Task/20", TaskType.TEACH_BACK, "completed", null, null),
            task("Task/21", TaskType.POST_DISCHARGE_CONTACT, "ready", "Practitioner/coordinator",
                    Instant.parse("2025-03-11T21:00:00Z")))); // Tuesday 17:00 EDT
    List<IssueSummary> detectedIssues = new ArrayList<>(List.of(
            new IssueSummary("DetectedIssue/30", "high", "final", true, List.of("MedicationRequest/40")),
            new IssueSummary("DetectedIssue/31", "moderate", "final", false, List.of("MedicationRequest/41"))));
    Set<String> activeMedications = Set.of("MedicationRequest/40", "MedicationRequest/41");
    List<AppointmentSummary> appointments = new ArrayList<>(List.of(new AppointmentSummary(
            "Appointment/50", "booked", Instant.parse("2025-03-12T14:00:00Z"), List.of(PATIENT_PARTICIPANT, PCP))));
    List<CodedResource> instructions = new ArrayList<>(List.of(
            new CodedResource("DocumentReference/60", "current", List.of(Coding.loinc("8653-8")), ENCOUNTER)));
    List<CareTeamSummary> careTeams = new ArrayList<>(List.of(new CareTeamSummary(
            "CareTeam/70", "active", List.of(Coding.snomed("768832004"), Coding.snomed("224535009")))));
    List<CarePlanSummary> carePlans = new ArrayList<>(List.of(new CarePlanSummary("CarePlan/80", "active")));

    static TaskSummary task(String reference, TaskType type, String status, String owner, Instant due) {
        return new TaskSummary(reference, taskType(type), status, owner, due, ENCOUNTER);
    }

    static Coding taskType(TaskType type) {
        return new Coding(ContinuumCodes.TASK_TYPE, type.code());
    }

    /** Replaces the encounter's disposition, class, status, end or explicit complexity. */
    ReadyDischarge encounter(
            String classCode, String status, Instant end, String disposition, TcmComplexity complexity) {
        encounter = new EncounterSummary(ENCOUNTER, classCode, status, ADMISSION, end, "emd", disposition, complexity);
        return this;
    }

    DischargeContext build() {
        return new DischargeContext(encounter, PATIENT, evaluatedAt, lace, medicationLists, tasks, detectedIssues,
                activeMedications, appointments, instructions, careTeams, carePlans);
    }
}
