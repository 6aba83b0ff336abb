package health.continuum.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * Findings a capability reports about an accepted write (validation warnings, interaction checks, readiness
 * gaps) travel with the request and are appended to the OperationOutcome the client asked for with
 * {@code Prefer: return=OperationOutcome}.
 */
@Component
@Interceptor
public class ResponseOutcomeIssues implements ContinuumServerInterceptor {

    private static final String KEY = ResponseOutcomeIssues.class.getName();

    /** Records an issue for the response of this request (a no-op for internal requests without details). */
    public static void add(RequestDetails request, OperationOutcome.OperationOutcomeIssueComponent issue) {
        if (request != null) {
            issuesOf(request).add(issue);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<OperationOutcome.OperationOutcomeIssueComponent> issuesOf(RequestDetails request) {
        return (List<OperationOutcome.OperationOutcomeIssueComponent>)
                request.getUserData().computeIfAbsent(KEY, key -> new ArrayList<>());
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void appendToOperationOutcome(RequestDetails request, IBaseResource response) {
        if (response instanceof OperationOutcome outcome && request.getUserData().containsKey(KEY)) {
            issuesOf(request).forEach(issue -> outcome.addIssue(issue.copy()));
        }
    }
}
