package health.continuum.workflow.glue;

import health.continuum.canonical.ContinuumCodes;
import health.continuum.conformance.glue.ServerAuthored;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** The Tasks the server itself writes for the care coordinator (discharge follow-ups, coordination gaps). */
public final class CoordinatorTasks {

    /** The statuses in which a Task is done with, whatever its outcome (FHIR R4 Task state machine). */
    public static final Set<Task.TaskStatus> FINISHED = Set.of(Task.TaskStatus.COMPLETED, Task.TaskStatus.CANCELLED,
            Task.TaskStatus.FAILED, Task.TaskStatus.REJECTED, Task.TaskStatus.ENTEREDINERROR);

    private CoordinatorTasks() {
    }

    /**
     * A new, requested order Task of a Continuum task type about the focus, for the patient, authored now and marked
     * as written by the server (conformant to the Continuum Task profile once the caller sets what its use needs).
     */
    public static Task requested(String taskType, String description, String patient, String focus) {
        Task task = ServerAuthored.mark(new Task());
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept(new Coding(ContinuumCodes.TASK_TYPE, taskType, null)));
        task.setDescription(description);
        task.setFor(new Reference(patient));
        task.setFocus(new Reference(focus));
        task.setAuthoredOn(new Date());
        return task;
    }
}
