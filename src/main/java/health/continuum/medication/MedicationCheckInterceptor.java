package health.continuum.medication;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.server.ContinuumServerInterceptor;
import health.continuum.server.ResponseOutcomeIssues;
import health.continuum.server.WriteTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.springframework.stereotype.Component;

/**
 * Checks every MedicationStatement and MedicationRequest write against the patient's current medications, records each new
 * finding as a DetectedIssue, and cancels the open DetectedIssues of a medication that stops.
 *
 * <p>Runs at pre-commit: the written resource has its id (needed for DetectedIssue.implicated) and the database
 * transaction is still open, so a rejection stores nothing. In a transaction Bundle HAPI defers these hooks until every
 * entry is stored, so each entry's search sees the others; entries checked earlier in the same request are added too.
 */
@Component
@Interceptor
public class MedicationCheckInterceptor implements ContinuumServerInterceptor {

    private static final String CHECKED_IN_THIS_TRANSACTION = MedicationCheckInterceptor.class.getName() + ".checked";
    private static final String RECORDED_IN_THIS_TRANSACTION = MedicationCheckInterceptor.class.getName() + ".recorded";
    private static final String READ_IN_THIS_TRANSACTION = MedicationCheckInterceptor.class.getName() + ".read";

    private final MedicationProperties properties;
    private final InteractionChecker checker;
    private final MedicationRecords records;
    private final FhirContext fhirContext;
    private final WriteTransaction writeTransaction;

    public MedicationCheckInterceptor(MedicationProperties properties, InteractionChecker checker,
                                      MedicationRecords records, FhirContext fhirContext,
                                      WriteTransaction writeTransaction) {
        this.properties = properties;
        this.checker = checker;
        this.records = records;
        this.fhirContext = fhirContext;
        this.writeTransaction = writeTransaction;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
        FhirMedication.of(resource).ifPresent(medication -> check(medication, resource, request, transaction));
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request,
                        TransactionDetails transaction) {
        FhirMedication.of(resource).ifPresent(medication -> check(medication, resource, request, transaction));
    }

    private void check(FhirMedication medication, IBaseResource resource, RequestDetails request,
                       TransactionDetails transaction) {
        if (medication.subject() == null) {
            throw new UnprocessableEntityException(fhirContext.getResourceType(resource)
                    + ".subject is required (FHIR R4 cardinality 1..1): a medication is always someone's");
        }
        if (!properties.checksEnabled() || medication.patient() == null) {
            return;
        }
        if (medication.ended()) {
            writeTransaction.withOneFlush(() -> closeOpenIssues(medication, transaction));
        } else if (medication.active()) {
            writeTransaction.withOneFlush(() -> compare(medication, resource, request, transaction));
        }
    }

    private void compare(FhirMedication medication, IBaseResource resource, RequestDetails request,
                         TransactionDetails transaction) {
        List<Finding> findings = checker.check(medication.input(), otherMedications(medication, transaction));
        Set<String> recorded = transaction.getOrCreateUserData(RECORDED_IN_THIS_TRANSACTION, HashSet::new);
        List<Finding> unrecorded = findings.stream()
                .filter(finding -> finding.type() != FindingType.UNIDENTIFIED)
                .filter(finding -> !recorded.contains(finding.key()))
                .toList();
        Set<String> stored = records.storedIssueKeys(unrecorded.stream().map(Finding::key).toList());
        List<Finding> newFindings = unrecorded.stream().filter(finding -> !stored.contains(finding.key())).toList();
        String resourceType = fhirContext.getResourceType(resource);
        List<Finding> blocking =
                properties.interactionPolicy().blocking(newFindings, medication.overrideReason() != null);
        if (!blocking.isEmpty()) {
            throw new UnprocessableEntityException(fhirContext, DetectedIssues.rejection(blocking, resourceType));
        }
        for (Finding finding : newFindings) {
            DetectedIssue issue = DetectedIssues.of(finding, medication.patient());
            if (medication.overrideReason() != null && finding.type() == FindingType.INTERACTION) {
                DetectedIssues.addOverride(issue, medication.overrideReason(), medication.author());
            }
            records.create(issue, transaction);
            recorded.add(finding.key());
        }
        findings.forEach(finding -> ResponseOutcomeIssues.add(request, DetectedIssues.outcomeIssue(finding, resourceType)));
    }

    /** The patient's stored current medications plus those checked earlier in this request, once each. */
    private List<MedicationInput> otherMedications(FhirMedication medication, TransactionDetails transaction) {
        List<FhirMedication> checked = transaction.getOrCreateUserData(CHECKED_IN_THIS_TRANSACTION, ArrayList::new);
        Map<String, MedicationInput> others = new LinkedHashMap<>();
        Map<String, FhirMedication> read = transaction.getOrCreateUserData(READ_IN_THIS_TRANSACTION, HashMap::new);
        for (FhirMedication other : records.activeMedications(medication.patient(), medication.reference(), read)) {
            others.put(other.reference(), other.input());
        }
        checked.stream()
                .filter(other -> medication.patient().equals(other.patient()))
                .forEach(other -> others.putIfAbsent(other.reference(), other.input()));
        checked.add(medication);
        return List.copyOf(others.values());
    }

    private void closeOpenIssues(FhirMedication stopped, TransactionDetails transaction) {
        for (DetectedIssue issue : records.openIssuesImplicating(List.of(stopped.reference()))) {
            DetectedIssues.closeOut(issue, stopped);
            records.update(issue, transaction);
        }
    }
}
