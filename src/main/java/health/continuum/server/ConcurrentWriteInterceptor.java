package health.continuum.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Concurrency semantics of writes: racing writes (e.g. identical conditional creates) are retried so that
 * the loser sees the winner's resource, a stale {@code If-Match} is answered 412 as the FHIR spec says, and every
 * write response carries the new version's ETag.
 */
@Component
@Interceptor
public class ConcurrentWriteInterceptor implements ContinuumServerInterceptor {

    private static final int MAX_RETRIES = 10;

    @Hook(Pointcut.STORAGE_VERSION_CONFLICT)
    public ResourceVersionConflictResolutionStrategy retryRaces(RequestDetails request) {
        ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
        // A stale If-Match is the client's mistake: retrying it cannot succeed.
        boolean clientStatedVersion = request != null && request.getHeader(Constants.HEADER_IF_MATCH) != null;
        strategy.setRetry(!clientStatedVersion);
        strategy.setMaxRetries(MAX_RETRIES);
        return strategy;
    }

    /** HAPI omits the ETag on PATCH responses; clients chaining If-Match writes need it like after a PUT. */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void etagOnPatch(RequestDetails request, IBaseResource resource, HttpServletResponse response) {
        if (request.getRestOperationType() == RestOperationTypeEnum.PATCH
                && resource != null
                && resource.getIdElement().hasVersionIdPart()) {
            response.setHeader(Constants.HEADER_ETAG, "W/\"" + resource.getIdElement().getVersionIdPart() + "\"");
        }
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException staleIfMatchIsPreconditionFailed(
            RequestDetails request, Throwable exception) {
        if (exception instanceof ResourceVersionConflictException conflict
                && request.getHeader(Constants.HEADER_IF_MATCH) != null) {
            return new PreconditionFailedException(
                    "If-Match " + request.getHeader(Constants.HEADER_IF_MATCH) + " does not match the current version: "
                            + conflict.getMessage());
        }
        return null;
    }
}
