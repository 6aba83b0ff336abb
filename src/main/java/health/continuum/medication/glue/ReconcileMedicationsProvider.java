package health.continuum.medication.glue;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.medication.MedicationKnowledgeBase;
import health.continuum.medication.MedicationReconciliation;
import health.continuum.medication.ReconciliationItem;
import health.continuum.server.ContinuumOperationProvider;
import health.continuum.workflow.glue.CoordinatorTasks;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Patient/[id]/$reconcile-medications}: compares the patient's current MedicationStatements (the prior list,
 * patient-reported ones included) with the encounter's MedicationRequests, as Joint Commission NPSG.03.06.01 EP3 asks.
 *
 * <p>Returns a collection Bundle: first the medication List (one entry per reconciliation item, flagged
 * continued|new|changed|stopped|omitted), then the open DetectedIssues implicating any listed medication, so the
 * reviewer sees discrepancies and hazards in one read. With {@code persist=true} the List is stored and the encounter's
 * open medication-reconciliation Tasks are completed.
 */
@Component
public class ReconcileMedicationsProvider implements ContinuumOperationProvider {

    private final MedicationRecords records;
    private final SystemWrites writes;
    private final MedicationKnowledgeBase knowledgeBase;
    private final TransactionTemplate oneTransaction;

    public ReconcileMedicationsProvider(MedicationRecords records, SystemWrites writes,
                                        MedicationKnowledgeBase knowledgeBase,
                                        PlatformTransactionManager transactionManager) {
        this.records = records;
        this.writes = writes;
        this.knowledgeBase = knowledgeBase;
        this.oneTransaction = new TransactionTemplate(transactionManager);
    }

    @Operation(name = "$reconcile-medications", idempotent = true, type = Patient.class)
    public Bundle reconcile(
            @IdParam IdType patientId,
            @OperationParam(name = "encounter", max = 1) Reference encounterParam,
            @OperationParam(name = "persist", max = 1) BooleanType persistParam) {
        String patient = records.read(Patient.class, patientId.toUnqualifiedVersionless().getValue())
                .getIdElement().toUnqualifiedVersionless().getValue();
        String encounter = encounterOf(encounterParam, patient);
        List<FhirMedication> priors = records.activeStatements(patient);
        List<FhirMedication> orders = encounter != null ? records.encounterOrders(encounter) : records.patientOrders(patient);
        List<ReconciliationItem> items = MedicationReconciliation.compare(
                priors.stream().map(prior -> prior.reconciliationEntry(knowledgeBase)).toList(),
                orders.stream().map(order -> order.reconciliationEntry(knowledgeBase)).toList());

        ListResource list = ReconciliationList.of(patient, encounter, items);
        boolean persist = persistParam != null && persistParam.booleanValue();
        if (persist) {
            list = persist(list, encounter);
        }
        Bundle result = new Bundle().setType(Bundle.BundleType.COLLECTION);
        result.setTimestamp(new Date());
        result.addEntry().setResource(list);
        List<String> listed = new ArrayList<>();
        priors.forEach(prior -> listed.add(prior.reference()));
        orders.forEach(order -> listed.add(order.reference()));
        for (DetectedIssue issue : records.openIssuesImplicating(listed)) {
            result.addEntry().setFullUrl(issue.getIdElement().toUnqualifiedVersionless().getValue()).setResource(issue);
        }
        return result;
    }

    private String encounterOf(Reference encounterParam, String patient) {
        if (encounterParam == null || !encounterParam.hasReference()) {
            return null;
        }
        Encounter encounter = records.read(Encounter.class, encounterParam.getReference());
        if (!patient.equals(encounter.getSubject().getReference())) {
            throw new InvalidRequestException("Parameter encounter: " + encounterParam.getReference()
                    + " is not an encounter of " + patient);
        }
        return encounter.getIdElement().toUnqualifiedVersionless().getValue();
    }

    /** Stores the List and completes the encounter's reconciliation Tasks in one database transaction: all or none. */
    private ListResource persist(ListResource list, String encounter) {
        return oneTransaction.execute(status -> {
            TransactionDetails transaction = new TransactionDetails();
            ListResource stored = (ListResource) writes.create(list, transaction);
            if (encounter != null) {
                completeReconciliationTasks(encounter, transaction);
            }
            return stored;
        });
    }

    private void completeReconciliationTasks(String encounter, TransactionDetails transaction) {
        SearchParameterMap openTasks = SearchParameterMap.newSynchronous(
                        "code", new TokenParam(ContinuumCodes.TASK_TYPE, TaskType.MEDICATION_RECONCILIATION.code()))
                .add("focus", new ReferenceParam(encounter));
        for (Object found : records.search(Task.class, openTasks)) {
            Task task = (Task) found;
            if (!CoordinatorTasks.FINISHED.contains(task.getStatus())) {
                task.setStatus(Task.TaskStatus.COMPLETED);
                task.setLastModified(new Date());
                writes.update(task, transaction);
            }
        }
    }
}
