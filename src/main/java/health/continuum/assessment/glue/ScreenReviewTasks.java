package health.continuum.assessment.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.continuum.assessment.ScreenScore;
import health.continuum.calendar.BusinessDayClock;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.canonical.DerivedIds;
import health.continuum.workflow.glue.CoordinatorTasks;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * A positive screen is work, not a diagnosis: one review Task for the patient's care coordinator, focus the total
 * score, due within {@code continuum.assessment.review-due-business-days}. Its id derives from the total Observation,
 * so rescoring the response opens none again, and one the coordinator deleted stays deleted.
 */
@Component
public class ScreenReviewTasks {

    private final IFhirResourceDao<Task> tasks;
    private final BusinessDayClock clock;
    private final int dueBusinessDays;

    public ScreenReviewTasks(DaoRegistry daos, CalendarProperties calendar, AssessmentProperties properties) {
        this.tasks = daos.getResourceDao(Task.class);
        this.clock = calendar.clock();
        this.dueBusinessDays = properties.reviewDueBusinessDays();
    }

    /** Opens the review of a patient's positive screen unless it was opened before; its reference if it did. */
    public Optional<String> open(QuestionnaireResponse response, ScreenScore score, String totalObservation,
            TransactionDetails transaction) {
        String patient = response.getSubject().getReference();
        String id = DerivedIds.of("screen-review", totalObservation);
        if (patient == null || !patient.startsWith("Patient/") || existed(id)) {
            return Optional.empty();
        }
        Task review = CoordinatorTasks.requested(TaskType.REVIEW_POSITIVE_SCREEN.code(),
                "Review the positive %s screen (total %d, %s) with the patient and decide what follows"
                        .formatted(score.instrument().title(), score.total(), score.band().name()),
                patient, totalObservation);
        review.setId(id);
        review.getRestriction().getPeriod()
                .setEndElement(new DateTimeType(clock.addBusinessDays(Instant.now(), dueBusinessDays).toString()));
        tasks.update(review, null, true, false, new SystemRequestDetails(), transaction);
        return Optional.of("Task/" + id);
    }

    private boolean existed(String id) {
        try {
            tasks.read(new IdType("Task", id), new SystemRequestDetails());
            return true;
        } catch (ResourceGoneException deleted) {
            return true;
        } catch (ResourceNotFoundException absent) {
            return false;
        }
    }
}
