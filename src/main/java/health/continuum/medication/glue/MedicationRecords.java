package health.continuum.medication.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import health.continuum.canonical.Canonical;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Storage access of the medication checks: bounded searches (one query per resource type, never one per medication)
 * and DetectedIssue writes, as the system, joining the caller's database transaction.
 */
@Component
public class MedicationRecords {

    // A patient with more current medications than this is beyond any list a clinician can review.
    static final int MAX_RESULTS = 1000;

    private static final List<String> PATIENT_ORDER_STATUSES =
            List.of("active", "on-hold", "draft", "stopped", "cancelled");

    private final DaoRegistry daos;
    private final CommittedMedications committed;

    @PersistenceContext
    private EntityManager entityManager;

    public MedicationRecords(DaoRegistry daos, CommittedMedications committed) {
        this.daos = daos;
        this.committed = committed;
    }

    /**
     * The patient's MedicationStatements and MedicationRequests in a status counted as current, except one.
     *
     * @param readInThisTransaction versions read earlier in the current database transaction, by versioned id; the
     *     versions this call reads are added to it
     */
    public List<FhirMedication> activeMedications(
            String patient, String except, Map<String, FhirMedication> readInThisTransaction) {
        List<FhirMedication> medications = new ArrayList<>();
        medications.addAll(current(MedicationStatement.class, bySubjectAndStatus(patient,
                FhirMedication.ACTIVE_STATEMENT_STATUSES), except, readInThisTransaction));
        medications.addAll(current(MedicationRequest.class, bySubjectAndStatus(patient,
                FhirMedication.ACTIVE_REQUEST_STATUSES), except, readInThisTransaction));
        return medications;
    }

    /**
     * The medications a search finds, in its order: first their versioned ids, then, with one more search, only the
     * versions not read before (committed, or in this transaction, e.g. the other entries of a Bundle). Parsing every
     * medication on every write was most of a check's time.
     */
    private List<FhirMedication> current(Class<? extends IBaseResource> type, SearchParameterMap parameters,
                                         String except, Map<String, FhirMedication> readInThisTransaction) {
        parameters.setLoadSynchronousUpTo(MAX_RESULTS);
        String resourceType = daos.getFhirContext().getResourceType(type);
        List<JpaPid> found = daos.getResourceDao(type).searchForIds(parameters, new SystemRequestDetails());
        List<String> versions = versionedIds(resourceType, found).stream()
                .filter(id -> !id.toVersionless().getValue().equals(except))
                .map(IdType::getValue)
                .toList();
        Map<String, FhirMedication> byVersion = new HashMap<>();
        for (String version : versions) {
            committed.get(version).or(() -> Optional.ofNullable(readInThisTransaction.get(version)))
                    .ifPresent(medication -> byVersion.put(version, medication));
        }
        TokenOrListParam unread = new TokenOrListParam();
        versions.stream().filter(version -> !byVersion.containsKey(version))
                .forEach(version -> unread.addOr(new TokenParam(new IdType(version).getIdPart())));
        if (!unread.getValuesAsQueryTokens().isEmpty()) {
            Map<String, FhirMedication> read = new HashMap<>();
            for (IBaseResource resource : search(type, SearchParameterMap.newSynchronous().add("_id", unread))) {
                FhirMedication.of(resource).ifPresent(medication ->
                        read.put(resource.getIdElement().toUnqualified().getValue(), medication));
            }
            byVersion.putAll(read);
            readInThisTransaction.putAll(read);
            committed.addOnCommit(read);
        }
        return versions.stream().map(byVersion::get).filter(Objects::nonNull).toList();
    }

    /**
     * The current versioned ids (Type/id/_history/n) of stored resources, in the order given, with one query on
     * HAPI's documented HFJ_RESOURCE table. HAPI's own id lookup loads and attaches a whole entity per resource,
     * which was half the time of a medication check's searches (JFR).
     */
    private List<IdType> versionedIds(String resourceType, List<JpaPid> pids) {
        if (pids.isEmpty()) {
            return List.of();
        }
        List<Long> ids = pids.stream().map(JpaPid::getId).toList();
        Map<Long, IdType> byPid = new HashMap<>();
        for (Object row : entityManager.createNativeQuery(
                        "SELECT RES_ID, FHIR_ID, RES_VER FROM HFJ_RESOURCE WHERE RES_ID IN (:ids)")
                .setParameter("ids", ids).getResultList()) {
            Object[] columns = (Object[]) row;
            byPid.put(((Number) columns[0]).longValue(),
                    new IdType(resourceType, (String) columns[1], String.valueOf(columns[2])));
        }
        return ids.stream().map(byPid::get).filter(Objects::nonNull).toList();
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

    /** @param transactionDetails the enclosing write's: references it already resolved are not looked up again */
    public <T extends IBaseResource> IBaseResource create(T resource, TransactionDetails transactionDetails) {
        return dao(resource).create(resource, null, true, new SystemRequestDetails(), transactionDetails).getResource();
    }

    /** @param transactionDetails the enclosing write's: references it already resolved are not looked up again */
    public <T extends IBaseResource> void update(T resource, TransactionDetails transactionDetails) {
        dao(resource).update(resource, null, true, false, new SystemRequestDetails(), transactionDetails);
    }

    @SuppressWarnings("unchecked")
    private <T extends IBaseResource> IFhirResourceDao<T> dao(T resource) {
        return (IFhirResourceDao<T>) daos.getResourceDao(resource.getClass());
    }

    private List<FhirMedication> medications(Class<? extends IBaseResource> type, SearchParameterMap parameters) {
        return search(type, parameters).stream().map(FhirMedication::of).flatMap(Optional::stream).toList();
    }

    private static SearchParameterMap bySubjectAndStatus(String patient, List<String> statuses) {
        TokenOrListParam anyStatus = new TokenOrListParam();
        statuses.forEach(status -> anyStatus.addOr(new TokenParam(status)));
        return SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient)).add("status", anyStatus);
    }
}
