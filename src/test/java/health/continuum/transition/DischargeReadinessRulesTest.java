package health.continuum.transition;

import static health.continuum.transition.ReadyDischarge.task;
import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.calendar.BusinessDayClock;
import health.continuum.canonical.Coding;
import health.continuum.canonical.ContinuumCodes.ReadinessCheck;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.transition.CheckResult.Status;
import health.continuum.transition.DischargeContext.AppointmentSummary;
import health.continuum.transition.DischargeContext.CarePlanSummary;
import health.continuum.transition.DischargeContext.CareTeamSummary;
import health.continuum.transition.DischargeContext.CodedResource;
import health.continuum.transition.DischargeContext.IssueSummary;
import health.continuum.transition.DischargeContext.Participant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class DischargeReadinessRulesTest {

    private static final DischargeReadinessRules RULES = new DischargeReadinessRules(
            new BusinessDayClock(ReadyDischarge.ZONE, Set.of()), TcmEligibility.DEFAULT);

    private final ReadyDischarge discharge = new ReadyDischarge();

    private ReadinessReport evaluate() {
        return RULES.evaluate(discharge.build());
    }

    /** Asserts that {@code check} fails with {@code detail} and every other check still passes. */
    private CheckResult failsAlone(ReadinessCheck check, String detail) {
        ReadinessReport report = evaluate();
        assertThat(report.ready()).isFalse();
        assertThat(report.checks()).filteredOn(result -> result.check() != check)
                .extracting(CheckResult::status).containsOnly(Status.PASS);
        CheckResult result = report.check(check);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.detail()).isEqualTo(detail);
        return result;
    }

    private Status status(ReadinessCheck check) {
        return evaluate().check(check).status();
    }

    @Test
    void aCompletePreparationIsReady() {
        ReadinessReport report = evaluate();

        assertThat(report.ready()).isTrue();
        assertThat(report.tcmEligible()).isTrue();
        assertThat(report.encounter()).isEqualTo("Encounter/1");
        assertThat(report.schedule()).isEqualTo(new TcmSchedule(LocalDate.parse("2025-03-07"), TcmComplexity.HIGH,
                LocalDate.parse("2025-03-11"), LocalDate.parse("2025-03-14")));
        assertThat(report.checks()).extracting(CheckResult::check, CheckResult::status, CheckResult::detail,
                CheckResult::evidence).containsExactly(
                passed(ReadinessCheck.MEDICATION_RECONCILIATION, "Medications reconciled: List/10", "List/10"),
                passed(ReadinessCheck.FOLLOW_UP_APPOINTMENT, "Follow-up visit booked by 2025-03-14: Appointment/50",
                        "Appointment/50"),
                passed(ReadinessCheck.DISCHARGE_INSTRUCTIONS,
                        "Instructions given and understood: DocumentReference/60, Task/20",
                        "DocumentReference/60", "Task/20"),
                passed(ReadinessCheck.CARE_TEAM, "Care coordinator on CareTeam/70", "CareTeam/70"),
                passed(ReadinessCheck.CARE_PLAN, "Active care plan: CarePlan/80", "CarePlan/80"),
                passed(ReadinessCheck.POST_DISCHARGE_CONTACT, "Contact planned by 2025-03-11: Task/21", "Task/21"));
    }

    private static Tuple passed(ReadinessCheck check, String detail, String... evidence) {
        return Tuple.tuple(check, Status.PASS, detail, List.of(evidence));
    }

    // medication-reconciliation

    @Test
    void withoutAReconciliationMedicationsAreNotReconciled() {
        discharge.medicationLists.clear();

        failsAlone(ReadinessCheck.MEDICATION_RECONCILIATION, "No current List coded LOINC 10160-0 for Encounter/1"
                + " and no completed medication-reconciliation Task focused on it");
    }

    @Test
    void aListOfAnotherEncounterOrRetiredDoesNotCount() {
        discharge.medicationLists.set(0,
                new CodedResource("List/10", "current", List.of(Coding.loinc("10160-0")), "Encounter/0"));
        discharge.medicationLists.add(
                new CodedResource("List/11", "entered-in-error", List.of(Coding.loinc("10160-0")), "Encounter/1"));

        assertThat(status(ReadinessCheck.MEDICATION_RECONCILIATION)).isEqualTo(Status.FAIL);
    }

    @Test
    void aCompletedReconciliationTaskCountsInsteadOfAList() {
        discharge.medicationLists.clear();
        discharge.tasks.add(task("Task/22", TaskType.MEDICATION_RECONCILIATION, "completed", "Practitioner/rph", null));

        assertThat(evaluate().check(ReadinessCheck.MEDICATION_RECONCILIATION).detail())
                .isEqualTo("Medications reconciled: Task/22");

        discharge.tasks.set(discharge.tasks.size() - 1,
                task("Task/22", TaskType.MEDICATION_RECONCILIATION, "in-progress", "Practitioner/rph", null));
        assertThat(status(ReadinessCheck.MEDICATION_RECONCILIATION)).isEqualTo(Status.FAIL);
    }

    @Test
    void anUnresolvedHighSeverityIssueOnAnActiveMedicationBlocksReconciliation() {
        discharge.detectedIssues.add(new IssueSummary(
                "DetectedIssue/32", "high", "final", false, List.of("MedicationRequest/41", "MedicationRequest/99")));

        CheckResult result = failsAlone(ReadinessCheck.MEDICATION_RECONCILIATION,
                "Unresolved high-severity DetectedIssue implicating active medications: DetectedIssue/32");
        assertThat(result.evidence()).containsExactly("List/10", "DetectedIssue/32");
    }

    @Test
    void mitigatedRetractedOrUnrelatedHighSeverityIssuesDoNotBlock() {
        discharge.detectedIssues.add(new IssueSummary(
                "DetectedIssue/33", "high", "final", false, List.of("MedicationRequest/99"))); // not active
        discharge.detectedIssues.add(new IssueSummary(
                "DetectedIssue/34", "high", "entered-in-error", false, List.of("MedicationRequest/40")));
        discharge.detectedIssues.add(new IssueSummary(
                "DetectedIssue/35", "high", "final", true, List.of("MedicationRequest/41"))); // mitigated

        assertThat(status(ReadinessCheck.MEDICATION_RECONCILIATION)).isEqualTo(Status.PASS);
    }

    // follow-up-appointment

    @Test
    void withoutAnAppointmentThereIsNoFollowUp() {
        discharge.appointments.clear();

        failsAlone(ReadinessCheck.FOLLOW_UP_APPOINTMENT, "No booked or pending Appointment with a primary care"
                + " provider or specialist after discharge and by 2025-03-14 (HIGH complexity: 7 days)");
    }

    @Test
    void aVisitOnDayEightMissesTheHighComplexityWindowButMeetsAnExplicitModerateOne() {
        discharge.appointments.set(0, appointment("booked", "2025-03-15T14:00:00Z", ReadyDischarge.PCP));
        assertThat(status(ReadinessCheck.FOLLOW_UP_APPOINTMENT)).isEqualTo(Status.FAIL);

        discharge.encounter("IMP", "finished", ReadyDischarge.DISCHARGE, "home", TcmComplexity.MODERATE);
        ReadinessReport report = evaluate();
        assertThat(report.schedule().visitDue()).isEqualTo(LocalDate.parse("2025-03-21"));
        assertThat(report.check(ReadinessCheck.FOLLOW_UP_APPOINTMENT).status()).isEqualTo(Status.PASS);
    }

    @Test
    void theVisitDeadlineIsTheLastDayInTheConfiguredZone() {
        discharge.appointments.set(0, appointment("booked", "2025-03-15T03:30:00Z", ReadyDischarge.PCP)); // 14th 23:30
        assertThat(status(ReadinessCheck.FOLLOW_UP_APPOINTMENT)).isEqualTo(Status.PASS);
    }

    @Test
    void aSpecialistOrPendingAppointmentCounts() {
        Participant cardiologist = new Participant("Practitioner/cardio", List.of(), false, true);
        discharge.appointments.set(0, appointment("pending", "2025-03-10T15:00:00Z", cardiologist));

        assertThat(status(ReadinessCheck.FOLLOW_UP_APPOINTMENT)).isEqualTo(Status.PASS);
    }

    @Test
    void appointmentsBeforeDischargeCancelledOrWithoutAFollowUpClinicianDoNotCount() {
        Participant physiotherapist = new Participant("Practitioner/pt", List.of(), false, false);
        discharge.appointments.set(0, appointment("booked", "2025-03-07T18:00:00Z", ReadyDischarge.PCP));
        discharge.appointments.add(appointment("cancelled", "2025-03-12T14:00:00Z", ReadyDischarge.PCP));
        discharge.appointments.add(appointment("booked", "2025-03-12T14:00:00Z", physiotherapist));

        assertThat(status(ReadinessCheck.FOLLOW_UP_APPOINTMENT)).isEqualTo(Status.FAIL);
    }

    private static AppointmentSummary appointment(String status, String start, Participant clinician) {
        return new AppointmentSummary("Appointment/51", status, Instant.parse(start),
                List.of(ReadyDischarge.PATIENT_PARTICIPANT, clinician));
    }

    // discharge-instructions

    @Test
    void withoutWrittenInstructionsTheyAreNotGiven() {
        discharge.instructions.clear();

        failsAlone(ReadinessCheck.DISCHARGE_INSTRUCTIONS,
                "No current DocumentReference or completed Communication coded LOINC 8653-8 for Encounter/1");
    }

    @Test
    void withoutTeachBackUnderstandingIsNotConfirmed() {
        discharge.tasks.set(0, task("Task/20", TaskType.TEACH_BACK, "in-progress", "Practitioner/rn", null));

        failsAlone(ReadinessCheck.DISCHARGE_INSTRUCTIONS, "No completed teach-back Task focused on Encounter/1");
    }

    @Test
    void aCompletedCommunicationGivesTheInstructions() {
        discharge.instructions.set(0,
                new CodedResource("Communication/61", "completed", List.of(Coding.loinc("8653-8")), "Encounter/1"));

        assertThat(status(ReadinessCheck.DISCHARGE_INSTRUCTIONS)).isEqualTo(Status.PASS);
    }

    // care-team and care-plan

    @Test
    void withoutACaseManagerThereIsNoCareCoordinator() {
        discharge.careTeams.set(0, new CareTeamSummary("CareTeam/70", "active", List.of(Coding.snomed("224535009"))));
        discharge.careTeams.add(new CareTeamSummary("CareTeam/71", "inactive", List.of(Coding.snomed("768832004"))));

        failsAlone(ReadinessCheck.CARE_TEAM,
                "No active CareTeam for Patient/1 with a case manager (SNOMED CT 768832004) participant");
    }

    @Test
    void withoutAnActiveCarePlanThereIsNoPlan() {
        discharge.carePlans.set(0, new CarePlanSummary("CarePlan/80", "draft"));

        failsAlone(ReadinessCheck.CARE_PLAN, "No active CarePlan for Patient/1");
    }

    // post-discharge-contact

    @Test
    void withoutAContactTaskNoContactIsPlanned() {
        discharge.tasks.remove(1);

        failsAlone(ReadinessCheck.POST_DISCHARGE_CONTACT, "No post-discharge-contact Task focused on Encounter/1"
                + " (cancelled, rejected and entered-in-error ones do not count); contact is due by 2025-03-11");
    }

    @Test
    void aCancelledContactTaskDoesNotCount() {
        discharge.tasks.set(1, task("Task/21", TaskType.POST_DISCHARGE_CONTACT, "cancelled",
                "Practitioner/coordinator", Instant.parse("2025-03-10T15:00:00Z")));

        assertThat(status(ReadinessCheck.POST_DISCHARGE_CONTACT)).isEqualTo(Status.FAIL);
    }

    @Test
    void aFailedContactTaskCountsAsDocumentedUnsuccessfulAttempts() {
        discharge.tasks.set(1, task("Task/21", TaskType.POST_DISCHARGE_CONTACT, "failed",
                "Practitioner/coordinator", Instant.parse("2025-03-10T15:00:00Z")));

        assertThat(status(ReadinessCheck.POST_DISCHARGE_CONTACT)).isEqualTo(Status.PASS);
    }

    @Test
    void aContactTaskNeedsAnOwner() {
        discharge.tasks.set(1, task("Task/21", TaskType.POST_DISCHARGE_CONTACT, "requested", null,
                Instant.parse("2025-03-10T15:00:00Z")));

        CheckResult result = failsAlone(ReadinessCheck.POST_DISCHARGE_CONTACT, "Task/21 is not ready: no owner");
        assertThat(result.evidence()).containsExactly("Task/21");
    }

    @Test
    void aContactTaskDueAfterTwoBusinessDaysIsLate() {
        // Wednesday 12 March 00:30 EDT: one day past Tuesday's deadline in New York, although still 11 March in UTC
        discharge.tasks.set(1, task("Task/21", TaskType.POST_DISCHARGE_CONTACT, "requested",
                "Practitioner/coordinator", Instant.parse("2025-03-12T04:30:00Z")));

        failsAlone(ReadinessCheck.POST_DISCHARGE_CONTACT,
                "Task/21 is not ready: due 2025-03-12, after the 2-business-day deadline 2025-03-11");
    }

    @Test
    void aContactTaskWithoutOwnerOrDueDateNamesBoth() {
        discharge.tasks.set(1, task("Task/21", TaskType.POST_DISCHARGE_CONTACT, "draft", null, null));

        failsAlone(ReadinessCheck.POST_DISCHARGE_CONTACT, "Task/21 is not ready: no owner, no due date");
    }

    @Test
    void aMondayHolidayAfterAFridayDischargeGivesTheContactUntilWednesday() {
        DischargeReadinessRules rules = new DischargeReadinessRules(
                new BusinessDayClock(ReadyDischarge.ZONE, Set.of(LocalDate.parse("2025-03-10"))),
                TcmEligibility.DEFAULT);
        discharge.tasks.set(1, task("Task/21", TaskType.POST_DISCHARGE_CONTACT, "requested",
                "Practitioner/coordinator", Instant.parse("2025-03-12T20:00:00Z"))); // Wednesday

        assertThat(RULES.evaluate(discharge.build()).check(ReadinessCheck.POST_DISCHARGE_CONTACT).status())
                .isEqualTo(Status.FAIL);
        ReadinessReport withHoliday = rules.evaluate(discharge.build());
        assertThat(withHoliday.schedule().contactDue()).isEqualTo(LocalDate.parse("2025-03-12"));
        assertThat(withHoliday.check(ReadinessCheck.POST_DISCHARGE_CONTACT).status()).isEqualTo(Status.PASS);
    }

    // eligibility and applicability

    @Test
    void aDischargeToASkilledNursingFacilityHasNoTcmChecks() {
        discharge.encounter("IMP", "finished", ReadyDischarge.DISCHARGE, "snf", null);
        discharge.appointments.clear();
        discharge.tasks.remove(1);

        ReadinessReport report = evaluate();

        assertThat(report.tcmEligible()).isFalse();
        assertThat(report.ready()).isTrue();
        assertThat(report.check(ReadinessCheck.FOLLOW_UP_APPOINTMENT)).isEqualTo(new CheckResult(
                ReadinessCheck.FOLLOW_UP_APPOINTMENT, Status.NOT_APPLICABLE,
                "Not applicable: discharge disposition 'snf' is not TCM-eligible", List.of()));
        assertThat(report.check(ReadinessCheck.POST_DISCHARGE_CONTACT).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(report.check(ReadinessCheck.MEDICATION_RECONCILIATION).status()).isEqualTo(Status.PASS);
    }

    @Test
    void anEmergencyEncounterHasNoTcmChecksButStillNeedsTheOthers() {
        discharge.encounter("EMER", "finished", ReadyDischarge.DISCHARGE, "home", null);
        discharge.carePlans.clear();

        ReadinessReport report = evaluate();

        assertThat(report.check(ReadinessCheck.FOLLOW_UP_APPOINTMENT).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(report.check(ReadinessCheck.CARE_PLAN).status()).isEqualTo(Status.FAIL);
        assertThat(report.ready()).isFalse();
    }

    @Test
    void afterDeathNoCheckApplies() {
        discharge.encounter("IMP", "finished", ReadyDischarge.DISCHARGE, "exp", null);
        discharge.medicationLists.clear();
        discharge.carePlans.clear();

        ReadinessReport report = evaluate();

        assertThat(report.checks()).extracting(CheckResult::status).containsOnly(Status.NOT_APPLICABLE);
        assertThat(report.checks()).extracting(CheckResult::detail)
                .containsOnly("Not applicable: the patient died (discharge disposition 'exp')");
        assertThat(report.ready()).isTrue();
    }

    @Test
    void anEncounterEnteredInErrorHasNothingToPrepare() {
        discharge.encounter("IMP", "entered-in-error", ReadyDischarge.DISCHARGE, "home", null);

        assertThat(evaluate().checks()).extracting(CheckResult::detail)
                .containsOnly("Not applicable: encounter status is 'entered-in-error'");
    }

    @Test
    void beforeDischargeTheDeadlinesRunFromTheEvaluationTime() {
        discharge.encounter("IMP", "in-progress", null, null, null);
        discharge.evaluatedAt = Instant.parse("2025-03-05T15:00:00Z"); // Wednesday

        ReadinessReport report = evaluate();

        assertThat(report.tcmEligible()).isTrue();
        assertThat(report.schedule().dischargeDate()).isEqualTo(LocalDate.parse("2025-03-05"));
        assertThat(report.schedule().contactDue()).isEqualTo(LocalDate.parse("2025-03-07"));
        assertThat(report.check(ReadinessCheck.POST_DISCHARGE_CONTACT).detail())
                .isEqualTo("Task/21 is not ready: due 2025-03-11, after the 2-business-day deadline 2025-03-07");
    }
}
