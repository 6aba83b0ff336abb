package health.continuum.transition;

import static health.continuum.canonical.StandardCodes.CASE_MANAGER;
import static health.continuum.canonical.StandardCodes.DISCHARGE_INSTRUCTIONS;
import static health.continuum.canonical.StandardCodes.MEDICATION_HISTORY;

import health.continuum.calendar.BusinessDayClock;
import health.continuum.canonical.ContinuumCodes.ReadinessCheck;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.transition.CheckResult.Status;
import health.continuum.transition.DischargeContext.AppointmentSummary;
import health.continuum.transition.DischargeContext.CarePlanSummary;
import health.continuum.transition.DischargeContext.CareTeamSummary;
import health.continuum.transition.DischargeContext.CodedResource;
import health.continuum.transition.DischargeContext.EncounterSummary;
import health.continuum.transition.DischargeContext.IssueSummary;
import health.continuum.transition.DischargeContext.Participant;
import health.continuum.transition.DischargeContext.TaskSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Discharge readiness: one {@link CheckResult} per {@link ReadinessCheck}, judged on plain summaries only. */
public final class DischargeReadinessRules {

    // TCM deadlines bind only TCM-eligible discharges
    private static final Set<ReadinessCheck> TCM_CHECKS =
            EnumSet.of(ReadinessCheck.FOLLOW_UP_APPOINTMENT, ReadinessCheck.POST_DISCHARGE_CONTACT);
    // nobody will do these Tasks; a "failed" contact counts (CMS TCM: documented unsuccessful attempts suffice)
    private static final Set<String> WITHDRAWN_TASK = Set.of("cancelled", "rejected", "entered-in-error");
    // DetectedIssue statuses that withdraw the issue itself
    private static final Set<String> RETRACTED_ISSUE = Set.of("cancelled", "entered-in-error");
    private static final Set<String> SCHEDULED_APPOINTMENT = Set.of("booked", "pending");
    // a DocumentReference is "current", a Communication that took place is "completed"
    private static final Set<String> INSTRUCTIONS_GIVEN = Set.of("current", "completed");

    private final BusinessDayClock clock;
    private final TcmEligibility eligibility;

    public DischargeReadinessRules(BusinessDayClock clock, TcmEligibility eligibility) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.eligibility = Objects.requireNonNull(eligibility, "eligibility");
    }

    public ReadinessReport evaluate(DischargeContext context) {
        EncounterSummary encounter = context.encounter();
        TcmSchedule schedule = TcmSchedule.of(
                clock, context.discharge(), TcmComplexity.resolve(encounter.explicitComplexity(), context.lace()));
        Optional<String> ineligible = eligibility.whyIneligible(encounter);
        Optional<String> nothingToPrepare = nothingToPrepare(encounter);
        List<CheckResult> checks = Arrays.stream(ReadinessCheck.values()).map(check -> {
            if (nothingToPrepare.isPresent()) {
                return CheckResult.notApplicable(check, nothingToPrepare.get());
            }
            if (ineligible.isPresent() && TCM_CHECKS.contains(check)) {
                return CheckResult.notApplicable(check, ineligible.get());
            }
            return evaluate(check, context, schedule);
        }).toList();
        return new ReadinessReport(encounter.reference(), ineligible.isEmpty(), schedule, checks);
    }

    private static Optional<String> nothingToPrepare(EncounterSummary encounter) {
        if ("exp".equals(encounter.dischargeDisposition())) { // HL7 discharge-disposition "Expired"
            return Optional.of("the patient died (discharge disposition 'exp')");
        }
        if ("cancelled".equals(encounter.status()) || "entered-in-error".equals(encounter.status())) {
            return Optional.of("encounter status is '" + encounter.status() + "'");
        }
        return Optional.empty();
    }

    private CheckResult evaluate(ReadinessCheck check, DischargeContext context, TcmSchedule schedule) {
        return switch (check) {
            case MEDICATION_RECONCILIATION -> medicationReconciliation(context);
            case FOLLOW_UP_APPOINTMENT -> followUpAppointment(context, schedule);
            case DISCHARGE_INSTRUCTIONS -> dischargeInstructions(context);
            case CARE_TEAM -> careTeam(context);
            case CARE_PLAN -> carePlan(context);
            case POST_DISCHARGE_CONTACT -> postDischargeContact(context, schedule);
        };
    }

    // Joint Commission NPSG.03.06.01 EP3 (identify and resolve discrepancies); CMS TCM: med rec no later than the visit
    private static CheckResult medicationReconciliation(DischargeContext context) {
        String encounter = context.encounter().reference();
        List<String> reconciliations = Stream.concat(
                        context.medicationLists().stream()
                                .filter(list -> "current".equals(list.status())
                                        && MEDICATION_HISTORY.isAmong(list.codes())
                                        && encounter.equals(list.encounter()))
                                .map(CodedResource::reference),
                        completedTasks(context, TaskType.MEDICATION_RECONCILIATION))
                .toList();
        List<String> unresolved = context.detectedIssues().stream()
                .filter(issue -> issue.isHighSeverity()
                        && !issue.mitigated()
                        && !isOneOf(issue.status(), RETRACTED_ISSUE)
                        && issue.implicated().stream().anyMatch(context.activeMedications()::contains))
                .map(IssueSummary::reference)
                .toList();
        List<String> problems = new ArrayList<>();
        if (reconciliations.isEmpty()) {
            problems.add("No current List coded LOINC " + MEDICATION_HISTORY.code() + " for " + encounter
                    + " and no completed medication-reconciliation Task focused on it");
        }
        if (!unresolved.isEmpty()) {
            problems.add("Unresolved high-severity DetectedIssue implicating active medications: "
                    + String.join(", ", unresolved));
        }
        return outcome(ReadinessCheck.MEDICATION_RECONCILIATION, problems,
                "Medications reconciled: " + String.join(", ", reconciliations),
                Stream.concat(reconciliations.stream(), unresolved.stream()).toList());
    }

    // Project RED component 2 (follow-up appointments); CMS TCM 99495/99496 face-to-face visit window
    private CheckResult followUpAppointment(DischargeContext context, TcmSchedule schedule) {
        Instant discharge = context.discharge();
        List<AppointmentSummary> visits = context.appointments().stream()
                .filter(appointment -> isOneOf(appointment.status(), SCHEDULED_APPOINTMENT)
                        && appointment.start() != null
                        && appointment.start().isAfter(discharge)
                        && clock.isOnOrBefore(appointment.start(), schedule.visitDue())
                        && appointment.participants().stream().anyMatch(Participant::isFollowUpClinician))
                .toList();
        List<String> problems = visits.isEmpty()
                ? List.of("No booked or pending Appointment with a primary care provider or specialist after discharge"
                        + " and by " + schedule.visitDue() + " (" + schedule.complexity() + " complexity: "
                        + schedule.complexity().visitDays() + " days)")
                : List.of();
        List<String> evidence = visits.stream().map(AppointmentSummary::reference).toList();
        return outcome(ReadinessCheck.FOLLOW_UP_APPOINTMENT, problems,
                "Follow-up visit booked by " + schedule.visitDue() + ": " + String.join(", ", evidence), evidence);
    }

    // Project RED components 7 (written discharge plan) and 10 (teach-back); AHRQ IDEAL (assess with teach-back)
    private static CheckResult dischargeInstructions(DischargeContext context) {
        String encounter = context.encounter().reference();
        List<String> given = context.instructions().stream()
                .filter(instruction -> isOneOf(instruction.status(), INSTRUCTIONS_GIVEN)
                        && DISCHARGE_INSTRUCTIONS.isAmong(instruction.codes())
                        && encounter.equals(instruction.encounter()))
                .map(CodedResource::reference)
                .toList();
        List<String> understood = completedTasks(context, TaskType.TEACH_BACK).toList();
        List<String> problems = new ArrayList<>();
        if (given.isEmpty()) {
            problems.add("No current DocumentReference or completed Communication coded LOINC "
                    + DISCHARGE_INSTRUCTIONS.code() + " for " + encounter);
        }
        if (understood.isEmpty()) {
            problems.add("No completed teach-back Task focused on " + encounter);
        }
        List<String> evidence = Stream.concat(given.stream(), understood.stream()).toList();
        return outcome(ReadinessCheck.DISCHARGE_INSTRUCTIONS, problems,
                "Instructions given and understood: " + String.join(", ", evidence), evidence);
    }

    // Continuum policy: a care coordinator (SNOMED CT "Case manager") owns the transition
    private static CheckResult careTeam(DischargeContext context) {
        List<String> teams = context.careTeams().stream()
                .filter(team -> "active".equals(team.status()) && CASE_MANAGER.isAmong(team.participantRoles()))
                .map(CareTeamSummary::reference)
                .toList();
        List<String> problems = teams.isEmpty()
                ? List.of("No active CareTeam for " + context.patient()
                        + " with a case manager (SNOMED CT " + CASE_MANAGER.code() + ") participant")
                : List.of();
        return outcome(ReadinessCheck.CARE_TEAM, problems, "Care coordinator on " + String.join(", ", teams), teams);
    }

    // Continuum policy: an active plan of care follows the patient (MCC eCare Plan; PACIO TOC plan-of-care section)
    private static CheckResult carePlan(DischargeContext context) {
        List<String> plans = context.carePlans().stream()
                .filter(plan -> "active".equals(plan.status()))
                .map(CarePlanSummary::reference)
                .toList();
        List<String> problems = plans.isEmpty() ? List.of("No active CarePlan for " + context.patient()) : List.of();
        return outcome(ReadinessCheck.CARE_PLAN, problems, "Active care plan: " + String.join(", ", plans), plans);
    }

    // CMS TCM: interactive contact within 2 business days of discharge; Project RED component 12 (telephone follow-up)
    private CheckResult postDischargeContact(DischargeContext context, TcmSchedule schedule) {
        String encounter = context.encounter().reference();
        List<TaskSummary> contacts = context.tasks().stream()
                .filter(task -> task.is(TaskType.POST_DISCHARGE_CONTACT, encounter)
                        && !isOneOf(task.status(), WITHDRAWN_TASK))
                .toList();
        List<String> planned = contacts.stream()
                .filter(task -> shortcomings(task, schedule).isEmpty())
                .map(TaskSummary::reference)
                .toList();
        List<String> problems;
        if (!planned.isEmpty()) {
            problems = List.of();
        } else if (contacts.isEmpty()) {
            problems = List.of("No post-discharge-contact Task focused on " + encounter
                    + " (cancelled, rejected and entered-in-error ones do not count); contact is due by "
                    + schedule.contactDue());
        } else {
            problems = contacts.stream()
                    .map(task -> task.reference() + " is not ready: " + String.join(", ", shortcomings(task, schedule)))
                    .toList();
        }
        return outcome(ReadinessCheck.POST_DISCHARGE_CONTACT, problems,
                "Contact planned by " + schedule.contactDue() + ": " + String.join(", ", planned),
                planned.isEmpty() ? contacts.stream().map(TaskSummary::reference).toList() : planned);
    }

    private List<String> shortcomings(TaskSummary task, TcmSchedule schedule) {
        List<String> shortcomings = new ArrayList<>();
        if (task.owner() == null) {
            shortcomings.add("no owner");
        }
        if (task.due() == null) {
            shortcomings.add("no due date");
        } else if (!clock.isOnOrBefore(task.due(), schedule.contactDue())) {
            shortcomings.add("due " + clock.dateOf(task.due()) + ", after the 2-business-day deadline "
                    + schedule.contactDue());
        }
        return shortcomings;
    }

    private static Stream<String> completedTasks(DischargeContext context, TaskType type) {
        return context.tasks().stream()
                .filter(task -> task.is(type, context.encounter().reference()) && "completed".equals(task.status()))
                .map(TaskSummary::reference);
    }

    private static boolean isOneOf(String status, Set<String> statuses) {
        return status != null && statuses.contains(status);
    }

    private static CheckResult outcome(
            ReadinessCheck check, List<String> problems, String found, List<String> evidence) {
        return problems.isEmpty()
                ? new CheckResult(check, Status.PASS, found, evidence)
                : new CheckResult(check, Status.FAIL, String.join("; ", problems), evidence);
    }
}
