package health.continuum.medication.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import health.continuum.canonical.Canonical;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.springframework.stereotype.Component;

/**
 * Reads of the medication checks and of $reconcile-medications: bounded searches (one query per resource type, never
 * one per medication), as the system, joining the caller's database transaction. What a write's check compares with
 * is read by {@link CurrentMedications}; writes go through {@link SystemWrites}.
 */
@Component
public class MedicationRecords {

    // A patient with more current medications than this is beyond any list a clinician can review.
    static final int MAX_RESULTS = 1000;

    private static final List<String> PATIENT_ORDER_STATUSES =
            List.of("active", "on-hold", "draft", "stopped", "cancelled");

    private final DaoRegistry daos;

    public MedicationRecords(DaoRegistry daos) {
        this.daos = daos;
    }

    public List<FhirMedication> activeStatements(String patient) {
        return medications(MedicationStatement.class,
                bySubjectAndStatus(patient, FhirMedication.ACTIVE_STATEMENT_STATUSES));
    }

    /** Every MedicationRequest of the encounter, whatever its status: stop orders count in a reconciliation. */
    public List<FhirMedication> encounterOrders(String encounter) {
        return medications(MedicationRequest.class,
                SearchParameterMap.newSynchronous("encounter", new ReferenceParam(encounter)));
    }

    /** The patient's orders that can still act on what they take; stop orders count, as they make a STOPPED item. */
    public List<FhirMedication> patientOrders(String patient) {
        return medications(MedicationRequest.class, bySubjectAndStatus(patient, PATIENT_ORDER_STATUSES));
    }

    /** Which of the finding keys already have a DetectedIssue, with one search for all of them. */
    public Set<String> storedIssueKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        TokenOrListParam anyKey = new TokenOrListParam();
        keys.forEach(key -> anyKey.addOr(new TokenParam(Canonical.DETECTED_ISSUE_KEY_SYSTEM, key)));
        return search(DetectedIssue.class, SearchParameterMap.newSynchronous().add("identifier", anyKey)).stream()
                .flatMap(issue -> ((DetectedIssue) issue).getIdentifier().stream())
                .filter(identifier -> Canonical.DETECTED_ISSUE_KEY_SYSTEM.equals(identifier.getSystem()))
                .map(Identifier::getValue)
                .collect(Collectors.toSet());
    }

    /** DetectedIssues implicating any of the medications that are still open (status final). */
    public List<DetectedIssue> openIssuesImplicating(Collection<String> medications) {
        if (medications.isEmpty()) {
            return List.of();
        }
        ReferenceOrListParam anyOf = new ReferenceOrListParam();
        medications.forEach(medication -> anyOf.addOr(new ReferenceParam(medication)));
        return search(DetectedIssue.class, SearchParameterMap.newSynchronous().add("implicated", anyOf)).stream()
                .map(DetectedIssue.class::cast)
                .filter(issue -> issue.getStatus() == DetectedIssue.DetectedIssueStatus.FINAL)
                .toList();
    }

    public <T extends IBaseResource> List<IBaseResource> search(Class<T> type, SearchParameterMap parameters) {
        parameters.setLoadSynchronousUpTo(MAX_RESULTS);
        return daos.getResourceDao(type).search(parameters, new SystemRequestDetails()).getAllResources();
    }

    public <T extends IBaseResource> T read(Class<T> type, String reference) {
        return daos.getResourceDao(type).read(new IdType(reference), new SystemRequestDetails());
    }

    private List<FhirMedication> medications(Class<? extends IBaseResource> type, SearchParameterMap parameters) {
        return search(type, parameters).stream().map(FhirMedication::of).flatMap(Optional::stream).toList();
    }

    static SearchParameterMap bySubjectAndStatus(String patient, List<String> statuses) {
        TokenOrListParam anyStatus = new TokenOrListParam();
        statuses.forEach(status -> anyStatus.addOr(new TokenParam(status)));
        return SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient)).add("status", anyStatus);
    }
}
