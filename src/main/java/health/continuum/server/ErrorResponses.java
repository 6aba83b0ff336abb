package health.continuum.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a failed request answers. A database that cannot be reached, or no free connection in time, is a 503 with
 * Retry-After; any other unexpected error a 500 that names only the request id (X-Request-Id, kept from the client
 * when it sends one), whose log line holds the stack trace; no class name, SQL or stack reaches the client.
 */
@Component
@Interceptor
public class ErrorResponses implements ContinuumServerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private static final Set<RestOperationTypeEnum> SEARCHES =
            Set.of(RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.SEARCH_SYSTEM);

    private final long retryAfterSeconds;

    public ErrorResponses(FhirServerProperties properties) {
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException respond(RequestDetails request, Throwable failure) {
        FailureCause cause = FailureCause.of(failure);
        if (cause != FailureCause.UNEXPECTED) {
            log.warn("503 for request {}: {} ({})", request.getRequestId(), cause.explanation(), failure.toString());
            return unavailable(cause);
        }
        if (failure instanceof MethodNotAllowedException && SEARCHES.contains(request.getRestOperationType())) {
            // HAPI answers a search modifier it does not support with 405; FHIR search says 400
            return new InvalidRequestException(failure.getMessage());
        }
        // What HAPI itself answers with 4xx or 5xx on purpose: its own exceptions, and unreadable input (400)
        if (failure instanceof DataFormatException
                || (failure instanceof BaseServerResponseException known && known.getStatusCode() != 500)) {
            return null;
        }
        log.error("500 for request {}", request.getRequestId(), failure);
        return new UnclassifiedServerFailureException(500, "Unexpected error", outcome(IssueType.EXCEPTION,
                "The server could not complete the request because of an unexpected error. Request id "
                        + request.getRequestId() + " identifies it in the server log."));
    }

    private BaseServerResponseException unavailable(FailureCause cause) {
        UnclassifiedServerFailureException unavailable = new UnclassifiedServerFailureException(
                503, cause.explanation(), outcome(IssueType.TRANSIENT, cause.explanation()
                        + " Try again in " + retryAfterSeconds + " seconds."));
        unavailable.addResponseHeader("Retry-After", Long.toString(retryAfterSeconds));
        return unavailable;
    }

    private static OperationOutcome outcome(IssueType code, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(diagnostics);
        return outcome;
    }
}
