package health.continuum.transition;

import health.continuum.canonical.Coding;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.canonical.StandardCodes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the readiness rules look at for one hospital encounter, as plain summaries of FHIR resources. References
 * are opaque strings such as {@code "Appointment/5"}; statuses are FHIR status codes such as {@code "booked"}. Lists
 * hold the patient's resources; the rules themselves pick those about this encounter.
 *
 * @param evaluatedAt when readiness is judged; stands in for the discharge while the encounter has no end yet
 * @param lace the LACE score of this stay, which sets the TCM complexity unless the encounter has an explicit one
 * @param medicationLists Lists about the encounter that may record a medication reconciliation
 * @param detectedIssues DetectedIssues that may implicate the patient's medications
 * @param activeMedications references of the patient's active medications (e.g. MedicationRequest)
 * @param instructions DocumentReferences and Communications that may carry discharge instructions
 */
public record DischargeContext(
        EncounterSummary encounter,
        String patient,
        Instant evaluatedAt,
        LaceResult lace,
        List<CodedResource> medicationLists,
        List<TaskSummary> tasks,
        List<IssueSummary> detectedIssues,
        Set<String> activeMedications,
        List<AppointmentSummary> appointments,
        List<CodedResource> instructions,
        List<CareTeamSummary> careTeams,
        List<CarePlanSummary> carePlans) {

    public DischargeContext {
        Objects.requireNonNull(encounter, "encounter");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(lace, "lace");
        medicationLists = List.copyOf(medicationLists);
        tasks = List.copyOf(tasks);
        detectedIssues = List.copyOf(detectedIssues);
        activeMedications = Set.copyOf(activeMedications);
        appointments = List.copyOf(appointments);
        instructions = List.copyOf(instructions);
        careTeams = List.copyOf(careTeams);
        carePlans = List.copyOf(carePlans);
    }

    /** The encounter's end or, before discharge, the evaluation time: judged as if the patient left now. */
    public Instant discharge() {
        return encounter.end() != null ? encounter.end() : evaluatedAt;
    }

    /**
     * An Encounter.
     *
     * @param classCode v3 ActCode of Encounter.class, e.g. {@code IMP}
     * @param admitSource code of hospitalization.admitSource, or null
     * @param dischargeDisposition code of hospitalization.dischargeDisposition, or null before discharge
     * @param explicitComplexity the TCM complexity a clinician set, or null
     */
    public record EncounterSummary(
            String reference,
            String classCode,
            String status,
            Instant start,
            Instant end,
            String admitSource,
            String dischargeDisposition,
            TcmComplexity explicitComplexity) {

        public EncounterSummary {
            Objects.requireNonNull(reference, "reference");
        }

        /** Admit source {@code emd} (HL7 admit-source "From accident/emergency department"), one LACE "A" signal. */
        public boolean admittedFromEmergency() {
            return "emd".equals(admitSource);
        }
    }

    /** A List, DocumentReference or Communication: its codes and the encounter it belongs to. */
    public record CodedResource(String reference, String status, List<Coding> codes, String encounter) {

        public CodedResource {
            codes = List.copyOf(codes);
        }
    }

    /**
     * A Task.
     *
     * @param code the Task.code coding of {@link ContinuumCodes#TASK_TYPE}, or null
     * @param due Task.restriction.period.end, or null
     */
    public record TaskSummary(String reference, Coding code, String status, String owner, Instant due, String focus) {

        /** Whether this is a Task of {@code type} focused on {@code encounter}: the assist-mode idempotency key. */
        public boolean is(TaskType type, String encounter) {
            return new Coding(ContinuumCodes.TASK_TYPE, type.code()).sameCodeAs(code) && encounter.equals(focus);
        }
    }

    /**
     * A DetectedIssue.
     *
     * @param mitigated whether DetectedIssue.mitigation records an action that resolved it
     */
    public record IssueSummary(
            String reference, String severity, String status, boolean mitigated, List<String> implicated) {

        public IssueSummary {
            implicated = List.copyOf(implicated);
        }

        public boolean isHighSeverity() {
            return "high".equals(severity);
        }
    }

    /** An Appointment of the patient. */
    public record AppointmentSummary(String reference, String status, Instant start, List<Participant> participants) {

        public AppointmentSummary {
            participants = List.copyOf(participants);
        }
    }

    /**
     * An Appointment participant.
     *
     * @param roles participant.type codes
     * @param primaryCare whether the glue knows the actor as the patient's primary care provider
     * @param specialist whether the glue knows the actor as a specialist
     */
    public record Participant(String actor, List<Coding> roles, boolean primaryCare, boolean specialist) {

        public Participant {
            roles = List.copyOf(roles);
        }

        public boolean isFollowUpClinician() {
            return primaryCare || specialist || StandardCodes.PRIMARY_CARE_PROVIDER.isAmong(roles);
        }
    }

    /** A CareTeam of the patient with the role codes of its participants. */
    public record CareTeamSummary(String reference, String status, List<Coding> participantRoles) {

        public CareTeamSummary {
            participantRoles = List.copyOf(participantRoles);
        }
    }

    /** A CarePlan of the patient. */
    public record CarePlanSummary(String reference, String status) {}
}
