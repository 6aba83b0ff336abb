package health.continuum.medication.glue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.medication.Finding;
import health.continuum.medication.FindingType;
import health.continuum.medication.glue.MedicationFindings.MedicationWrite;
import health.continuum.server.ContinuumServerInterceptor;
import health.continuum.server.ResponseOutcomeIssues;
import health.continuum.server.WriteTransaction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.springframework.stereotype.Component;

/**
 * Has every MedicationStatement and MedicationRequest write checked ({@link MedicationFindings}), records each new
 * finding as a DetectedIssue, and cancels the open DetectedIssues of a medication that stops.
 *
 * <p>The writes of one database transaction (a single write, or every entry of a transaction Bundle) are checked
 * together just before it commits ({@link WriteTransaction#atCommit}): each has its id (needed for
 * DetectedIssue.implicated), each patient's current medications are read once, and a rejection still stores nothing.
 */
@Component
@Interceptor
public class MedicationCheckInterceptor implements ContinuumServerInterceptor {

    private static final String BATCH = MedicationCheckInterceptor.class.getName();

    private final MedicationProperties properties;
    private final MedicationFindings findings;
    private final MedicationRecords records;
    private final SystemWrites writes;
    private final FhirContext fhirContext;
    private final WriteTransaction writeTransaction;

    public MedicationCheckInterceptor(MedicationProperties properties, MedicationFindings findings,
                                      MedicationRecords records, SystemWrites writes, FhirContext fhirContext,
                                      WriteTransaction writeTransaction) {
        this.properties = properties;
        this.findings = findings;
        this.records = records;
        this.writes = writes;
        this.fhirContext = fhirContext;
        this.writeTransaction = writeTransaction;
    }

    /** A medication written in the current transaction, waiting for the check at commit. */
    private record Written(MedicationWrite write, String resourceType, boolean created, RequestDetails request,
                           TransactionDetails transaction) {
        FhirMedication medication() {
            return write.medication();
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
        FhirMedication.of(resource).ifPresent(medication -> queue(medication, resource, true, request, transaction));
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request,
                        TransactionDetails transaction) {
        FhirMedication.of(resource).ifPresent(medication -> queue(medication, resource, false, request, transaction));
    }

    private void queue(FhirMedication medication, IBaseResource resource, boolean created, RequestDetails request,
                       TransactionDetails transaction) {
        String resourceType = fhirContext.getResourceType(resource);
        if (medication.subject() == null) {
            throw new UnprocessableEntityException(resourceType
                    + ".subject is required (FHIR R4 cardinality 1..1): a medication is always someone's");
        }
        if (!properties.checksEnabled() || medication.patient() == null || !(medication.active() || medication.ended())) {
            return;
        }
        writeTransaction.atCommit(BATCH, new Written(new MedicationWrite(medication, resource), resourceType, created,
                request, transaction), this::check);
    }

    private void check(List<Written> written) {
        TransactionDetails transaction = written.get(0).transaction();
        closeOpenIssues(written.stream().filter(entry -> entry.medication().ended()).toList(), transaction);
        List<Written> active = written.stream().filter(entry -> entry.medication().active()).toList();
        if (active.isEmpty()) {
            return;
        }
        Map<Written, List<Finding>> findingsOf = findings.of(active, Written::write);
        Set<String> stored = records.storedIssueKeys(findingsOf.values().stream().flatMap(List::stream)
                .filter(finding -> finding.type() != FindingType.UNIDENTIFIED)
                .map(Finding::key)
                .collect(Collectors.toSet()));
        Set<String> recorded = new HashSet<>(stored);
        findingsOf.forEach((entry, entryFindings) -> record(entry, entryFindings, recorded));
    }

    /** Records the findings not recorded before (a pair is found from both of its medications); 422 if one blocks. */
    private void record(Written entry, List<Finding> entryFindings, Set<String> recorded) {
        FhirMedication medication = entry.medication();
        List<Finding> newFindings = entryFindings.stream()
                .filter(finding -> finding.type() != FindingType.UNIDENTIFIED)
                .filter(finding -> !recorded.contains(finding.key()))
                .toList();
        List<Finding> blocking =
                properties.interactionPolicy().blocking(newFindings, medication.overrideReason() != null);
        if (!blocking.isEmpty()) {
            throw new UnprocessableEntityException(fhirContext, DetectedIssues.rejection(blocking, entry.resourceType()));
        }
        for (Finding finding : newFindings) {
            if (!recorded.add(finding.key())) {
                continue;
            }
            DetectedIssue issue = DetectedIssues.of(finding, medication.patient());
            if (medication.overrideReason() != null && finding.type() == FindingType.INTERACTION) {
                DetectedIssues.addOverride(issue, medication.overrideReason(), medication.author());
            }
            writes.create(issue, entry.transaction());
        }
        entryFindings.forEach(finding -> ResponseOutcomeIssues.add(entry.request(),
                DetectedIssues.outcomeIssue(finding, entry.resourceType())));
    }

    /**
     * Cancels the open DetectedIssues of the stopped medications, with one search. A medication created stopped is
     * left out: no issue can implicate it, since issues are only recorded about current medications.
     */
    private void closeOpenIssues(List<Written> stopped, TransactionDetails transaction) {
        Map<String, FhirMedication> byReference = stopped.stream().filter(entry -> !entry.created())
                .collect(Collectors.toMap(entry -> entry.medication().reference(), Written::medication,
                        (first, second) -> second));
        for (DetectedIssue issue : records.openIssuesImplicating(byReference.keySet())) {
            issue.getImplicated().stream()
                    .map(implicated -> byReference.get(implicated.getReferenceElement().toUnqualifiedVersionless().getValue()))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(medication -> {
                        DetectedIssues.closeOut(issue, medication);
                        writes.update(issue, transaction);
                    });
        }
    }
}
