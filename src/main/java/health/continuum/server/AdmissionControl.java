package health.continuum.server;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most a configured number of FHIR requests at once; the others wait a bounded time for their turn and
 * then get 503 with Retry-After. Without it, a saturated server queues requests on the connection pool until they
 * fail with a 500 after its timeout.
 */
final class AdmissionControl extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent> {

    private final Semaphore turns;
    private final long waitMillis;
    private final String retryAfterSeconds;
    private final byte[] busyOutcome;
    private final byte[] stoppingOutcome;
    private volatile boolean stopping;

    AdmissionControl(FhirServerProperties properties, FhirContext fhirContext) {
        turns = new Semaphore(properties.maxConcurrentRequests(), true);
        waitMillis = properties.admissionWait().toMillis();
        retryAfterSeconds = Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
        busyOutcome = transientOutcome(fhirContext, "The server is busy: too many requests at once.");
        stoppingOutcome = transientOutcome(fhirContext, "The server is shutting down.");
    }

    private byte[] transientOutcome(FhirContext fhirContext, String why) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.TRANSIENT)
                .setDiagnostics(why + " Try again in " + retryAfterSeconds + " seconds.");
        return fhirContext.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
    }

    /** From the start of a shutdown, requests in progress finish (server.shutdown: graceful) and new ones get 503. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping = true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (stopping) {
            refuse(response, stoppingOutcome);
            return;
        }
        boolean admitted;
        try {
            admitted = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(response, busyOutcome);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    private void refuse(HttpServletResponse response, byte[] outcome) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", retryAfterSeconds);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getOutputStream().write(outcome);
    }
}
