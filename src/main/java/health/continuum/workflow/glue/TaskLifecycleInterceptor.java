package health.continuum.workflow.glue;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.server.ContinuumServerInterceptor;
import health.continuum.workflow.TaskLifecycle;
import health.continuum.workflow.TaskLifecycle.Writer;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Holds every Task write (REST, transaction, batch, the server's own) to the lifecycle table: an illegal status change
 * or an in-progress Task without owner is a 422 naming what is allowed, and nothing is stored; a Task that completes
 * or fails gets executionPeriod.end stamped when the writer left it empty.
 */
@Component
@Interceptor
public class TaskLifecycleInterceptor implements ContinuumServerInterceptor {

    private final TaskLifecycle lifecycle;

    public TaskLifecycleInterceptor(TaskLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void created(IBaseResource resource, RequestDetails request) {
        if (resource instanceof Task task) {
            check(null, task, request);
        }
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
        if (resource instanceof Task task) {
            check(previous instanceof Task stored && stored.hasStatus() ? stored.getStatus().toCode() : null, task, request);
        }
    }

    private void check(String from, Task task, RequestDetails request) {
        if (!task.hasStatus()) {
            return; // base R4 validation reports the missing status (Task.status 1..1)
        }
        String to = task.getStatus().toCode();
        // Only server code builds a SystemRequestDetails: a client's request never arrives as one
        Writer writer = request instanceof SystemRequestDetails ? Writer.SERVER : Writer.CLIENT;
        lifecycle.violation(from, to, writer, task.hasOwner()).ifPresent(violation -> {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.BUSINESSRULE)
                    .setDiagnostics(violation.message()).addExpression(violation.element());
            throw new UnprocessableEntityException(violation.message(), outcome);
        });
        if (TaskLifecycle.ends(to) && !task.getExecutionPeriod().hasEnd()) {
            task.getExecutionPeriod().setEnd(new Date());
        }
    }
}
