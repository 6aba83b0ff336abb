package health.continuum.assessment.glue;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.assessment.Instrument;
import health.continuum.assessment.InstrumentScoring;
import health.continuum.assessment.InstrumentScoring.Refused;
import health.continuum.assessment.InstrumentScoring.Scored;
import health.continuum.assessment.ScreenScore;
import health.continuum.server.ContinuumServerInterceptor;
import health.continuum.server.ResponseOutcomeIssues;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.springframework.stereotype.Component;

/**
 * Scores every completed or amended QuestionnaireResponse to a shipped instrument on write (REST, transaction,
 * batch): one it cannot score is a 422 naming each item and nothing is stored; a scored one gets its score
 * Observations ({@link ScreenObservations}) in the same transaction, once it has its id, and a positive one a review
 * Task for the care coordinator ({@link ScreenReviewTasks}). A response entered in error takes its scores with it.
 */
@Component
@Interceptor
public class QuestionnaireScoringInterceptor implements ContinuumServerInterceptor {

    private static final String SCORE = QuestionnaireScoringInterceptor.class.getName();
    // A response in progress or stopped is not complete: only a finished one has a score
    private static final Set<QuestionnaireResponseStatus> FINISHED =
            Set.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.AMENDED);

    private final Instruments instruments;
    private final ScreenObservations observations;
    private final ScreenReviewTasks reviews;

    public QuestionnaireScoringInterceptor(Instruments instruments, ScreenObservations observations,
            ScreenReviewTasks reviews) {
        this.instruments = instruments;
        this.observations = observations;
        this.reviews = reviews;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void scoreCreated(IBaseResource resource) {
        score(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void scoreUpdated(IBaseResource previous, IBaseResource resource) {
        score(resource);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void storeCreated(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
        store(resource, request, transaction);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void storeUpdated(IBaseResource previous, IBaseResource resource, RequestDetails request,
            TransactionDetails transaction) {
        store(resource, request, transaction);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    public void deleted(IBaseResource resource, TransactionDetails transaction) {
        if (resource instanceof QuestionnaireResponse response) {
            instrumentOf(response).ifPresent(instrument ->
                    observations.deleteScoresOf(response, instrument, transaction));
        }
    }

    private void score(IBaseResource resource) {
        if (!(resource instanceof QuestionnaireResponse response) || !FINISHED.contains(response.getStatus())) {
            return;
        }
        instrumentOf(response).ifPresent(instrument -> {
            InstrumentScoring.Outcome outcome = InstrumentScoring.score(instrument, ResponseAnswers.of(response));
            if (outcome instanceof Refused refused) {
                OperationOutcome problems = new OperationOutcome();
                refused.problems().forEach(problem -> problems.addIssue().setSeverity(IssueSeverity.ERROR)
                        .setCode(IssueType.BUSINESSRULE).setDiagnostics(problem.message())
                        .addExpression(problem.location()));
                throw new UnprocessableEntityException("A %s %s response cannot be scored: %s".formatted(
                        response.getStatus().toCode(), instrument.title(), refused.problems().get(0).message()),
                        problems);
            }
            response.setUserData(SCORE, ((Scored) outcome).score());
        });
    }

    private void store(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
        if (resource instanceof QuestionnaireResponse response
                && response.getStatus() == QuestionnaireResponseStatus.ENTEREDINERROR) {
            instrumentOf(response).ifPresent(instrument ->
                    observations.retractScoresOf(response, instrument, transaction));
        }
        if (resource.getUserData(SCORE) instanceof ScreenScore score) {
            QuestionnaireResponse response = (QuestionnaireResponse) resource;
            String total = observations.write(response, score, transaction);
            information(request, "Scored %s: total %d (band %s%s): %s".formatted(score.instrument().title(),
                    score.total(), score.band().name(), score.positive() ? ", a positive screen" : "", total));
            if (score.positive()) {
                reviews.open(response, score, total, transaction).ifPresent(review -> information(request,
                        "Opened %s for the care coordinator to review the positive screen".formatted(review)));
            }
        }
    }

    private static void information(RequestDetails request, String diagnostics) {
        ResponseOutcomeIssues.add(request, new OperationOutcomeIssueComponent()
                .setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL).setDiagnostics(diagnostics));
    }

    private Optional<Instrument> instrumentOf(QuestionnaireResponse response) {
        return instruments.forQuestionnaire(response.getQuestionnaire());
    }
}
