package health.continuum.medication.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.springframework.stereotype.Component;

/**
 * What a medication write is checked against: the patient's current medications, each version parsed once (cached
 * after commit by {@link CommittedMedications}, and within a database transaction by the caller's map).
 */
@Component
public class CurrentMedications {

    private final DaoRegistry daos;
    private final MedicationRecords records;
    private final CommittedMedications committed;

    @PersistenceContext
    private EntityManager entityManager;

    public CurrentMedications(DaoRegistry daos, MedicationRecords records, CommittedMedications committed) {
        this.daos = daos;
        this.records = records;
        this.committed = committed;
    }

    /**
     * The patient's MedicationStatements and MedicationRequests in a status counted as current.
     *
     * @param readInThisTransaction versions read earlier in the current database transaction, by versioned id; the
     *     versions this call reads are added to it
     */
    public List<FhirMedication> activeMedications(
            String patient, Map<String, FhirMedication> readInThisTransaction) {
        List<FhirMedication> medications = new ArrayList<>();
        medications.addAll(current(MedicationStatement.class, MedicationRecords.bySubjectAndStatus(patient,
                FhirMedication.ACTIVE_STATEMENT_STATUSES), readInThisTransaction));
        medications.addAll(current(MedicationRequest.class, MedicationRecords.bySubjectAndStatus(patient,
                FhirMedication.ACTIVE_REQUEST_STATUSES), readInThisTransaction));
        return medications;
    }

    /**
     * The medications a search finds, in its order: first their versioned ids, then, with one more search, only the
     * versions not read before (committed, or in this transaction, e.g. the other entries of a Bundle). Parsing every
     * medication on every write was most of a check's time.
     */
    private List<FhirMedication> current(Class<? extends IBaseResource> type, SearchParameterMap parameters,
                                         Map<String, FhirMedication> readInThisTransaction) {
        parameters.setLoadSynchronousUpTo(MedicationRecords.MAX_RESULTS);
        String resourceType = daos.getFhirContext().getResourceType(type);
        List<JpaPid> found = daos.getResourceDao(type).searchForIds(parameters, new SystemRequestDetails());
        List<String> versions = versionedIds(resourceType, found).stream().map(IdType::getValue).toList();
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
            for (IBaseResource resource : records.search(type, SearchParameterMap.newSynchronous().add("_id", unread))) {
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
}
