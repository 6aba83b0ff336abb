package health.continuum.transition.glue;

import static health.continuum.canonical.StandardCodes.CASE_MANAGER;
import static health.continuum.canonical.StandardCodes.DISCHARGE_INSTRUCTIONS;
import static health.continuum.canonical.StandardCodes.MEDICATION_HISTORY;
import static health.continuum.canonical.StandardCodes.PRIMARY_CARE_PROVIDER;
import static health.continuum.transition.glue.RecordSearches.byPatient;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.transition.DischargeContext;
import health.continuum.transition.DischargeContext.AppointmentSummary;
import health.continuum.transition.DischargeContext.CarePlanSummary;
import health.continuum.transition.DischargeContext.CodedResource;
import health.continuum.transition.DischargeContext.EncounterSummary;
import health.continuum.transition.DischargeContext.IssueSummary;
import health.continuum.transition.DischargeContext.TaskSummary;
import health.continuum.transition.LaceResult;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** Reads what the readiness rules need about one Encounter from storage, one search per resource type. */
@Component
public class DischargeReader {

    private static final String ACTIVE = "active";

    private final RecordSearches searches;
    private final ResourceSummaries summaries;
    private final LaceReader lace;

    DischargeReader(RecordSearches searches, ResourceSummaries summaries, LaceReader lace) {
        this.searches = searches;
        this.summaries = summaries;
        this.lace = lace;
    }

    public EncounterSummary summarize(Encounter encounter) {
        return summaries.encounter(encounter);
    }

    /** The encounter's Patient, if its subject is one. */
    public static Optional<String> patientOf(Encounter encounter) {
        return ResourceSummaries.patientOf(encounter);
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

        List<CareTeam> careTeams = searches.search(CareTeam.class,
                byPatient(patient).add("status", new TokenParam(ACTIVE)));
        Set<String> coordinators = ResourceSummaries.members(careTeams, CASE_MANAGER);
        Set<String> primaryCare = ResourceSummaries.members(careTeams, PRIMARY_CARE_PROVIDER);
        // One active plan passes the check and is what the Tasks are based on: the current one, the latest updated
        SearchParameterMap activePlans = byPatient(patient).add("status", new TokenParam(ACTIVE));
        activePlans.setSort(new SortSpec(Constants.PARAM_LASTUPDATED, SortOrderEnum.DESC));
        activePlans.setLoadSynchronousUpTo(1);
        List<CarePlanSummary> carePlans = searches.ids(CarePlan.class, activePlans).stream()
                .map(plan -> new CarePlanSummary(plan, ACTIVE))
                .toList();

        List<CodedResource> medicationLists = searches.search(ListResource.class, new SearchParameterMap()
                        .add("encounter", new ReferenceParam(self))
                        .add("code", new TokenParam(MEDICATION_HISTORY.system(), MEDICATION_HISTORY.code())))
                .stream().map(summaries::medicationList).toList();
        // Every rule reads only the Tasks focused on this stay; a patient's other stays can hold hundreds.
        List<TaskSummary> tasks = searches.search(Task.class,
                        new SearchParameterMap().add("focus", new ReferenceParam(self)))
                .stream().map(summaries::task).toList();
        List<IssueSummary> issues = searches.search(DetectedIssue.class, byPatient(patient)).stream()
                .map(summaries::issue).toList();
        // The active medications only decide whether a high-severity DetectedIssue still matters; most patients have none.
        Set<String> activeMedications = issues.stream().anyMatch(IssueSummary::isHighSeverity)
                ? activeMedications(patient)
                : Set.of();
        Instant discharge = summary.end() != null ? summary.end() : evaluatedAt;
        // Only a visit after the discharge can be the follow-up; past appointments pile up over the years
        List<AppointmentSummary> appointments = searches.search(Appointment.class, byPatient(patient)
                        .add("date", new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(discharge))))
                .stream().map(appointment -> summaries.appointment(appointment, primaryCare, coordinators)).toList();
        List<CodedResource> instructions = Stream.concat(
                        searches.search(DocumentReference.class, byPatient(patient).add("type",
                                        new TokenParam(DISCHARGE_INSTRUCTIONS.system(), DISCHARGE_INSTRUCTIONS.code())))
                                .stream().map(summaries::document),
                        searches.search(Communication.class,
                                        new SearchParameterMap().add("encounter", new ReferenceParam(self)))
                                .stream().map(summaries::communication))
                .toList();
        LaceResult score = lace.score(patient, summary, discharge);

        DischargeContext context = new DischargeContext(summary, patient, evaluatedAt, score, medicationLists, tasks,
                issues, activeMedications, appointments, instructions,
                careTeams.stream().map(summaries::careTeam).toList(), carePlans);
        return new DischargeRecord(context, coordinators.stream().sorted().findFirst().orElse(null),
                carePlans.stream().map(CarePlanSummary::reference).findFirst().orElse(null));
    }

    private Set<String> activeMedications(String patient) {
        return Stream.concat(
                        searches.ids(MedicationStatement.class,
                                byPatient(patient).add("status", new TokenParam(ACTIVE))).stream(),
                        searches.ids(MedicationRequest.class,
                                byPatient(patient).add("status", new TokenParam(ACTIVE))).stream())
                .collect(Collectors.toSet());
    }
}
