package health.continuum.transition;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.canonical.Canonical;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.conformance.ServerAuthored;
import health.continuum.transition.DischargeContext.AppointmentSummary;
import health.continuum.transition.DischargeContext.CarePlanSummary;
import health.continuum.transition.DischargeContext.CareTeamSummary;
import health.continuum.transition.DischargeContext.CodedResource;
import health.continuum.transition.DischargeContext.EncounterSummary;
import health.continuum.transition.DischargeContext.IssueSummary;
import health.continuum.transition.DischargeContext.Participant;
import health.continuum.transition.DischargeContext.TaskSummary;
import health.continuum.transition.FollowUpTasks.Proposal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Reads what the readiness rules need about one Encounter from storage, one search per resource type, and writes what
 * a discharge produces: follow-up Tasks and the LACE Observation.
 */
@Component
public class DischargeRecords {

    /** Encounter extension carrying a clinician's TCM complexity: valueCode, a {@link TcmComplexity} code. */
    public static final String TCM_COMPLEXITY_EXTENSION = Canonical.BASE + "/StructureDefinition/tcm-complexity";

    private static final String ADMIT_SOURCE = "http://terminology.hl7.org/CodeSystem/admit-source";
    private static final String DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final Code CASE_MANAGER = Code.snomed("768832004"); // care coordinator role (care-coordination.md)
    private static final String ACTIVE = "active";
    private static final String MEDICATION_LIST = "10160-0"; // LOINC "History of medication use"
    private static final String DISCHARGE_INSTRUCTIONS = "8653-8"; // LOINC "Hospital discharge instructions"
    private static final int EMERGENCY_LOOKBACK_MONTHS = 6; // LACE "E": ED visits in the 6 months before admission
    // care-coordination.md: "a preceding EMER encounter" makes the admission emergent; preceding = ended within a day
    private static final long PRECEDING_EMERGENCY_HOURS = 24;

    // condition-ver-status codes that say the patient does not have the condition
    private static final Set<String> WITHDRAWN_DIAGNOSIS = new HashSet<>(List.of("refuted", "entered-in-error"));

    private final DaoRegistry daos;
    private final ZoneId zone;
    private final CharlsonIndex charlson = CharlsonIndex.quan2005();

    public DischargeRecords(DaoRegistry daos, DischargeProperties properties) {
        this.daos = daos;
        this.zone = properties.timeZone();
    }

    /**
     * What the rules and the follow-up Tasks need about one encounter.
     *
     * @param coordinator the member of the patient's active CareTeam in the case manager role, or null
     * @param carePlan the patient's active CarePlan the follow-up Tasks are based on, or null
     */
    public record DischargeRecord(DischargeContext context, String coordinator, String carePlan) {}

    public EncounterSummary summarize(Encounter encounter) {
        return new EncounterSummary(
                reference(encounter),
                encounter.getClass_().getCode(),
                encounter.hasStatus() ? encounter.getStatus().toCode() : null,
                instant(encounter.getPeriod().getStartElement()),
                instant(encounter.getPeriod().getEndElement()),
                code(encounter.getHospitalization().getAdmitSource(), ADMIT_SOURCE),
                code(encounter.getHospitalization().getDischargeDisposition(), DISCHARGE_DISPOSITION),
                explicitComplexity(encounter));
    }

    /** The encounter's Patient, if its subject is one. */
    public static Optional<String> patientOf(Encounter encounter) {
        return Optional.ofNullable(reference(encounter.getSubject())).filter(subject -> subject.startsWith("Patient/"));
    }

    /**
     * Gathers the patient's records with one search per resource type, loading only the resources whose content a rule
     * reads (where a reference is all it needs, only the ids).
     *
     * @param evaluatedAt stands in for the discharge while the encounter has no end
     */
    public DischargeRecord gather(Encounter encounter, Instant evaluatedAt) {
        EncounterSummary summary = summarize(encounter);
        String patient = patientOf(encounter).orElseThrow(() -> new UnprocessableEntityException(
                summary.reference() + " has no Patient subject: discharge readiness is about a patient"));
        String self = summary.reference();

        List<CareTeam> careTeams = search(CareTeam.class, byPatient(patient).add("status", new TokenParam(ACTIVE)));
        Set<String> coordinators = members(careTeams, CASE_MANAGER);
        Set<String> primaryCare = members(careTeams, Participant.PRIMARY_CARE_PROVIDER);
        // One active plan passes the check and is what the Tasks are based on: the current one, the latest updated
        SearchParameterMap activePlans = byPatient(patient).add("status", new TokenParam(ACTIVE));
        activePlans.setSort(new SortSpec(Constants.PARAM_LASTUPDATED, SortOrderEnum.DESC));
        activePlans.setLoadSynchronousUpTo(1);
        List<CarePlanSummary> carePlans = ids(CarePlan.class, activePlans).stream()
                .map(plan -> new CarePlanSummary(plan, ACTIVE))
                .toList();

        List<CodedResource> medicationLists = search(ListResource.class, new SearchParameterMap()
                .add("encounter", new ReferenceParam(self))
                .add("code", new TokenParam(Code.LOINC, MEDICATION_LIST))).stream()
                .map(list -> new CodedResource(reference(list), status(list.getStatusElement()),
                        codes(List.of(list.getCode())), reference(list.getEncounter())))
                .toList();
        // Every rule reads only the Tasks focused on this stay; a patient's other stays can hold hundreds.
        List<TaskSummary> tasks = search(Task.class, new SearchParameterMap().add("focus", new ReferenceParam(self)))
                .stream().map(this::taskSummary).toList();
        List<IssueSummary> issues = search(DetectedIssue.class, byPatient(patient)).stream()
                .map(issue -> new IssueSummary(reference(issue), status(issue.getSeverityElement()),
                        status(issue.getStatusElement()),
                        issue.getMitigation().stream().anyMatch(DetectedIssue.DetectedIssueMitigationComponent::hasAction),
                        issue.getImplicated().stream().map(DischargeRecords::reference).toList()))
                .toList();
        // The active medications only decide whether a high-severity DetectedIssue still matters; most patients have none.
        Set<String> activeMedications = issues.stream().anyMatch(IssueSummary::isHighSeverity)
                ? activeMedications(patient)
                : Set.of();
        Instant discharge = summary.end() != null ? summary.end() : evaluatedAt;
        // Only a visit after the discharge can be the follow-up; past appointments pile up over the years
        List<AppointmentSummary> appointments = search(Appointment.class, byPatient(patient)
                .add("date", new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(discharge)))).stream()
                .map(appointment -> new AppointmentSummary(reference(appointment),
                        status(appointment.getStatusElement()),
                        appointment.hasStart() ? appointment.getStart().toInstant() : null,
                        appointment.getParticipant().stream()
                                .map(participant -> participant(participant, primaryCare, coordinators))
                                .toList()))
                .toList();
        List<CodedResource> instructions = Stream.concat(
                        search(DocumentReference.class, byPatient(patient)
                                .add("type", new TokenParam(Code.LOINC, DISCHARGE_INSTRUCTIONS))).stream()
                                .map(document -> new CodedResource(reference(document),
                                        status(document.getStatusElement()), codes(List.of(document.getType())),
                                        document.getContext().getEncounter().stream()
                                                .map(DischargeRecords::reference).findFirst().orElse(null))),
                        search(Communication.class, new SearchParameterMap()
                                .add("encounter", new ReferenceParam(self))).stream()
                                .map(communication -> new CodedResource(reference(communication),
                                        status(communication.getStatusElement()),
                                        codes(Stream.concat(communication.getCategory().stream(),
                                                Stream.of(communication.getTopic())).toList()),
                                        reference(communication.getEncounter()))))
                .toList();

        Instant admission = summary.start() != null ? summary.start() : discharge;
        if (discharge.isBefore(admission)) {
            throw new UnprocessableEntityException("Discharge " + discharge + " is before admission " + admission);
        }
        List<Instant> emergencyVisits = emergencyVisitsBefore(patient, admission, self);
        boolean precededByEmergency = emergencyVisits.stream()
                .anyMatch(end -> !end.isBefore(admission.minus(PRECEDING_EMERGENCY_HOURS, ChronoUnit.HOURS)));
        LaceResult lace = LaceIndex.score(new LaceInput(admission, discharge,
                summary.admittedFromEmergency() || precededByEmergency, charlsonScore(patient),
                emergencyVisits.size()), zone);

        List<CareTeamSummary> teams = careTeams.stream()
                .map(team -> new CareTeamSummary(reference(team), team.getStatus().toCode(),
                        codes(team.getParticipant().stream().flatMap(member -> member.getRole().stream()).toList())))
                .toList();
        DischargeContext context = new DischargeContext(summary, patient, evaluatedAt, lace, medicationLists, tasks,
                issues, activeMedications, appointments, instructions, teams, carePlans);
        return new DischargeRecord(context, coordinators.stream().sorted().findFirst().orElse(null),
                carePlans.stream().map(CarePlanSummary::reference).findFirst().orElse(null));
    }

    /**
     * Creates the proposed Tasks, conformant to the Continuum Task profile, and returns their references.
     *
     * @param transactionDetails the discharging write's: its references (patient, stay, coordinator, care plan) are
     *     resolved once for all Tasks, not looked up again by each
     */
    public List<String> createTasks(DischargeRecord record, List<Proposal> proposals, RequestDetails request,
                                    TransactionDetails transactionDetails) {
        return proposals.stream().map(proposal -> {
            Task task = ServerAuthored.mark(new Task());
            task.setStatus(Task.TaskStatus.REQUESTED);
            task.setIntent(Task.TaskIntent.ORDER);
            task.setCode(new CodeableConcept(new Coding(ContinuumCodes.TASK_TYPE, proposal.type().code(), null)));
            task.setDescription(proposal.description());
            task.setFor(new Reference(proposal.patient()));
            task.setFocus(new Reference(proposal.focus()));
            task.setAuthoredOn(new Date());
            if (record.coordinator() != null) {
                task.setOwner(new Reference(record.coordinator()));
            }
            if (record.carePlan() != null) {
                task.addBasedOn(new Reference(record.carePlan()));
            }
            task.getRestriction().getPeriod().setEndElement(new DateTimeType(proposal.due().toString()));
            return daos.getResourceDao(Task.class).create(task, null, true, request, transactionDetails)
                    .getId().toUnqualifiedVersionless().getValue();
        }).toList();
    }

    /** Stores the LACE score of the stay as one Observation per encounter, updated when the discharge repeats. */
    public String saveLace(DischargeContext context, RequestDetails request, TransactionDetails transactionDetails) {
        LaceResult lace = context.lace();
        Observation observation = ServerAuthored.mark(new Observation());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setCode(concept(ContinuumCodes.ReadmissionRisk.LACE));
        observation.setSubject(new Reference(context.patient()));
        observation.setEncounter(new Reference(context.encounter().reference()));
        observation.setEffective(new DateTimeType(Date.from(context.discharge())));
        observation.setValue(new IntegerType(lace.total()));
        component(observation, ContinuumCodes.ReadmissionRisk.LACE_LENGTH_OF_STAY, lace.lengthOfStay());
        component(observation, ContinuumCodes.ReadmissionRisk.LACE_ACUITY, lace.acuity());
        component(observation, ContinuumCodes.ReadmissionRisk.LACE_COMORBIDITY, lace.comorbidity());
        component(observation, ContinuumCodes.ReadmissionRisk.LACE_EMERGENCY_VISITS, lace.emergencyVisits());
        observation.setId(laceId(context.encounter().reference()));
        return daos.getResourceDao(Observation.class)
                .update(observation, null, true, false, request, transactionDetails)
                .getId().toUnqualifiedVersionless().getValue();
    }

    // An id derived from the stay's: a repeated discharge updates its Observation, and no search has to find it.
    private static IdType laceId(String encounter) {
        return new IdType("Observation", "lace-" + UUID.nameUUIDFromBytes(encounter.getBytes(StandardCharsets.UTF_8)));
    }

    private static void component(
            Observation observation, ContinuumCodes.ReadmissionRisk code, LaceResult.Component component) {
        observation.addComponent().setCode(concept(code)).setValue(new IntegerType(component.points()));
    }

    private static CodeableConcept concept(ContinuumCodes.ReadmissionRisk code) {
        return new CodeableConcept(new Coding(ContinuumCodes.READMISSION_RISK, code.code(), code.display()))
                .setText(code.display());
    }

    private Set<String> activeMedications(String patient) {
        return Stream.concat(
                        ids(MedicationStatement.class, byPatient(patient).add("status", new TokenParam(ACTIVE))).stream(),
                        ids(MedicationRequest.class, byPatient(patient).add("status", new TokenParam(ACTIVE))).stream())
                .collect(Collectors.toSet());
    }

    /** Ends (else starts) of the patient's EMER encounters in the 6 months before admission, other than this one. */
    private List<Instant> emergencyVisitsBefore(String patient, Instant admission, String self) {
        Date from = Date.from(admission.atZone(zone).minusMonths(EMERGENCY_LOOKBACK_MONTHS).toInstant());
        DateRangeParam window = new DateRangeParam(
                new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from),
                new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(admission)));
        return search(Encounter.class, byPatient(patient).add("class", new TokenParam("EMER"))
                .add("date", window)).stream()
                .filter(visit -> !reference(visit).equals(self))
                .map(visit -> Optional.ofNullable(instant(visit.getPeriod().getEndElement()))
                        .orElse(instant(visit.getPeriod().getStartElement())))
                .filter(time -> time != null && !time.isAfter(admission))
                .toList();
    }

    // Quan 2005 ICD-10 Charlson on the patient's ICD-10-coded Conditions (it scores no other system), except those
    // refuted or entered in error
    private int charlsonScore(String patient) {
        TokenOrListParam icd10 = new TokenOrListParam();
        CharlsonIndex.SCORED_SYSTEMS.forEach(system -> icd10.addOr(new TokenParam(system, null)));
        List<Code> codes = search(Condition.class, byPatient(patient).add("code", icd10)).stream()
                .filter(condition -> condition.getVerificationStatus().getCoding().stream()
                        .noneMatch(status -> WITHDRAWN_DIAGNOSIS.contains(status.getCode())))
                .flatMap(condition -> codes(List.of(condition.getCode())).stream())
                .toList();
        return charlson.score(codes).score();
    }

    private TaskSummary taskSummary(Task task) {
        Code type = task.getCode().getCoding().stream()
                .filter(coding -> ContinuumCodes.TASK_TYPE.equals(coding.getSystem()) && coding.hasCode())
                .map(coding -> new Code(coding.getSystem(), coding.getCode()))
                .findFirst().orElse(null);
        return new TaskSummary(reference(task), type, status(task.getStatusElement()), reference(task.getOwner()),
                instant(task.getRestriction().getPeriod().getEndElement()), reference(task.getFocus()));
    }

    // PCP: the patient's CareTeam says so; specialist: any other clinician who is not the care coordinator
    private static Participant participant(
            Appointment.AppointmentParticipantComponent participant, Set<String> primaryCare, Set<String> coordinators) {
        String actor = reference(participant.getActor());
        boolean clinician = actor != null
                && (actor.startsWith("Practitioner/") || actor.startsWith("PractitionerRole/"));
        boolean isPrimaryCare = actor != null && primaryCare.contains(actor);
        return new Participant(actor, codes(participant.getType()), isPrimaryCare,
                clinician && !isPrimaryCare && !coordinators.contains(actor));
    }

    private static Set<String> members(List<CareTeam> careTeams, Code role) {
        Set<String> members = new HashSet<>();
        careTeams.forEach(team -> team.getParticipant().stream()
                .filter(member -> codes(member.getRole()).contains(role))
                .map(member -> reference(member.getMember()))
                .filter(member -> member != null)
                .forEach(members::add));
        return members;
    }

    private TcmComplexity explicitComplexity(Encounter encounter) {
        Extension extension = encounter.getExtensionByUrl(TCM_COMPLEXITY_EXTENSION);
        if (extension == null) {
            return null;
        }
        String code = extension.getValue() instanceof CodeType value ? value.getCode() : null;
        return Arrays.stream(TcmComplexity.values())
                .filter(complexity -> complexity.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new UnprocessableEntityException(
                        TCM_COMPLEXITY_EXTENSION + " must have valueCode 'high' or 'moderate', not " + code));
    }

    /** A dateTime as an instant; a bare date means the start of that day in the configured zone. */
    private Instant instant(DateTimeType dateTime) {
        if (dateTime == null || dateTime.getValue() == null) {
            return null;
        }
        if (dateTime.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            return LocalDate.of(dateTime.getYear(), dateTime.getMonth() + 1, dateTime.getDay())
                    .atStartOfDay(zone).toInstant();
        }
        return dateTime.getValue().toInstant();
    }

    private <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap map) {
        map.setLoadSynchronous(true);
        return daos.getResourceDao(type).searchForResources(map, new SystemRequestDetails());
    }

    private List<String> ids(Class<? extends IBaseResource> type, SearchParameterMap map) {
        map.setLoadSynchronous(true);
        return daos.getResourceDao(type).searchForResourceIds(map, new SystemRequestDetails()).stream()
                .map(IIdType::toUnqualifiedVersionless)
                .map(IIdType::getValue)
                .toList();
    }

    private static SearchParameterMap byPatient(String patient) {
        return new SearchParameterMap().add("patient", new ReferenceParam(patient));
    }

    private static List<Code> codes(Collection<CodeableConcept> concepts) {
        return concepts.stream()
                .flatMap(concept -> concept.getCoding().stream())
                .filter(coding -> coding.hasSystem() && coding.hasCode())
                .map(coding -> new Code(coding.getSystem(), coding.getCode()))
                .toList();
    }

    private static String code(CodeableConcept concept, String system) {
        return concept.getCoding().stream()
                .filter(coding -> system.equals(coding.getSystem()))
                .map(Coding::getCode)
                .findFirst().orElse(null);
    }

    private static String status(Enumeration<?> status) {
        return status.isEmpty() ? null : status.getValueAsString();
    }

    static String reference(IBaseResource resource) {
        return resource.getIdElement().toUnqualifiedVersionless().getValue();
    }

    private static String reference(Reference reference) {
        return reference != null && reference.hasReference()
                ? new IdType(reference.getReference()).toUnqualifiedVersionless().getValue()
                : null;
    }
}
