package health.continuum.coordination.glue;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import health.continuum.conformance.RuleFailure;
import health.continuum.conformance.glue.ContinuumRuleFailures;
import health.continuum.coordination.CoordinationGaps;
import health.continuum.coordination.CoordinationGaps.Action;
import health.continuum.coordination.CoordinationGaps.CheckedRecord;
import health.continuum.coordination.CoordinationGaps.Close;
import health.continuum.coordination.CoordinationGaps.Open;
import health.continuum.server.ContinuumServerInterceptor;
import health.continuum.server.ResponseOutcomeIssues;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Turns the Continuum rules an accepted record fails (found by write validation, {@link ContinuumRuleFailures}) into
 * coordination-gap Tasks, and completes them when a later version of the record meets the rules. Runs at pre-commit,
 * when the record has its id; in a Bundle each gap Task is handled once, however many entries concern it.
 */
@Component
@Interceptor
public class CoordinationGapInterceptor implements ContinuumServerInterceptor {

    private static final String HANDLED_IN_THIS_TRANSACTION = CoordinationGapInterceptor.class.getName();

    private final GapTasks gapTasks;

    public CoordinationGapInterceptor(GapTasks gapTasks) {
        this.gapTasks = gapTasks;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
        checked(resource, true, request, transaction);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request,
                        TransactionDetails transaction) {
        checked(resource, false, request, transaction);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    public void deleted(IBaseResource resource, TransactionDetails transaction) {
        if (ContinuumRecord.isCoordinationType(resource)) {
            gapTasks.deleteGapOf(resource.getIdElement().toUnqualifiedVersionless().getValue(), transaction);
        }
    }

    private void checked(IBaseResource resource, boolean created, RequestDetails request,
                         TransactionDetails transaction) {
        ContinuumRuleFailures.of(resource).ifPresent(failures -> {
            CheckedRecord record = ContinuumRecord.checked(resource, created, failures);
            Set<String> handled = transaction.getOrCreateUserData(HANDLED_IN_THIS_TRANSACTION, HashSet::new);
            for (Action action : CoordinationGaps.actions(record)) {
                if (handled.add(action.taskId())) {
                    apply(action, request, transaction);
                }
            }
        });
    }

    private void apply(Action action, RequestDetails request, TransactionDetails transaction) {
        if (action instanceof Open open && gapTasks.open(open, transaction)) {
            ResponseOutcomeIssues.add(request, information("Opened coordination Task/" + open.taskId() + " ("
                    + open.type().code() + "): " + open.description()));
        } else if (action instanceof Close close && gapTasks.close(close, transaction)) {
            ResponseOutcomeIssues.add(request, information(
                    "Completed coordination Task/" + close.taskId() + ": " + close.reason()));
        }
    }

    private static OperationOutcomeIssueComponent information(String diagnostics) {
        return new OperationOutcomeIssueComponent()
                .setSeverity(IssueSeverity.INFORMATION)
                .setCode(IssueType.INFORMATIONAL)
                .setDiagnostics(diagnostics);
    }

    /** The plain facts of a coordination record the core needs. */
    private static final class ContinuumRecord {

        static boolean isCoordinationType(IBaseResource resource) {
            return resource instanceof CarePlan || resource instanceof CareTeam || resource instanceof Task
                    || resource instanceof MedicationStatement;
        }

        static CheckedRecord checked(IBaseResource resource, boolean created,
                                     List<RuleFailure> failures) {
            String reference = resource.getIdElement().toUnqualifiedVersionless().getValue();
            return new CheckedRecord(resource.fhirType(), reference, status(resource), patient(resource), created,
                    failures);
        }

        private static String status(IBaseResource resource) {
            if (resource instanceof CarePlan plan) {
                return plan.hasStatus() ? plan.getStatus().toCode() : null;
            } else if (resource instanceof CareTeam team) {
                return team.hasStatus() ? team.getStatus().toCode() : null;
            } else if (resource instanceof Task task) {
                return task.hasStatus() ? task.getStatus().toCode() : null;
            }
            MedicationStatement statement = (MedicationStatement) resource;
            return statement.hasStatus() ? statement.getStatus().toCode() : null;
        }

        private static String patient(IBaseResource resource) {
            Reference subject = resource instanceof Task task ? task.getFor()
                    : resource instanceof CarePlan plan ? plan.getSubject()
                    : resource instanceof CareTeam team ? team.getSubject()
                    : ((MedicationStatement) resource).getSubject();
            String reference = subject.getReferenceElement().toUnqualifiedVersionless().getValue();
            return reference != null && reference.startsWith("Patient/") ? reference : null;
        }
    }
}
