package health.continuum.coordination.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.continuum.conformance.glue.ServerAuthored;
import health.continuum.coordination.CoordinationGaps;
import health.continuum.coordination.CoordinationGaps.Close;
import health.continuum.coordination.CoordinationGaps.Open;
import health.continuum.workflow.glue.CoordinatorTasks;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.stereotype.Component;

/** Storage of the coordination-gap Tasks, by their derived ids, as the system, in the caller's database transaction. */
@Component
public class GapTasks {

    private final IFhirResourceDao<Task> tasks;

    public GapTasks(DaoRegistry daos) {
        this.tasks = daos.getResourceDao(Task.class);
    }

    /**
     * Opens the Task unless it exists: one the coordinator cancelled or is working on stays as it is; one completed
     * because the gap was fixed is reopened. Returns whether a Task was written.
     */
    public boolean open(Open gap, TransactionDetails transaction) {
        Optional<Task> existing = find(gap.taskId());
        if (existing.isPresent() && existing.get().getStatus() != TaskStatus.COMPLETED) {
            return false;
        }
        Task task = CoordinatorTasks.requested(gap.type().code(), gap.description(), gap.patient(), gap.focus());
        task.setId(gap.taskId());
        tasks.update(task, null, true, false, new SystemRequestDetails(), transaction);
        return true;
    }

    /** Completes the Task if it exists and is open; returns whether it did. */
    public boolean close(Close gap, TransactionDetails transaction) {
        Optional<Task> existing = find(gap.taskId()).filter(task -> !CoordinatorTasks.FINISHED.contains(task.getStatus()));
        existing.ifPresent(task -> {
            ServerAuthored.mark(task);
            task.setStatus(TaskStatus.COMPLETED);
            task.setStatusReason(new CodeableConcept().setText(gap.reason()));
            task.setLastModified(new Date());
            tasks.update(task, null, true, false, new SystemRequestDetails(), transaction);
        });
        return existing.isPresent();
    }

    /** Deletes the gap Task about a record that is being deleted, so that its reference does not block the delete. */
    public void deleteGapOf(String reference, TransactionDetails transaction) {
        String taskId = CoordinationGaps.gapTaskId(reference);
        if (find(taskId).isPresent()) {
            tasks.delete(new IdType("Task", taskId), new DeleteConflictList(), new SystemRequestDetails(), transaction);
        }
    }

    private Optional<Task> find(String taskId) {
        try {
            return Optional.of(tasks.read(new IdType("Task", taskId), new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException absent) {
            return Optional.empty();
        }
    }
}
