package health.continuum.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR REST endpoint ({@code continuum.server.*}); defaults live in application.yaml.
 *
 * @param maxRequestSize largest request body accepted; larger bodies get 413
 * @param defaultPageSize search page size when the client sends no {@code _count}
 * @param maxPageSize upper bound for {@code _count}
 * @param publicBaseUrl base URL used in links and Location headers when the server sits behind a proxy; blank
 *     means "derive from the incoming request"
 * @param retryAfter what a 503 tells the client to wait before it tries again
 * @param maxConcurrentRequests FHIR requests served at once; more wait up to {@code admissionWait}, then get 503
 * @param admissionWait how long a request waits for its turn
 * @param cors which browser origins may call the FHIR endpoint
 * @param backupDirectory where {@code POST /actuator/backup} writes the embedded database's backups
 */
@ConfigurationProperties("continuum.server")
public record FhirServerProperties(
        DataSize maxRequestSize, int defaultPageSize, int maxPageSize, String publicBaseUrl, Duration retryAfter,
        int maxConcurrentRequests, Duration admissionWait, Cors cors, Path backupDirectory) {

    /** @param allowedOrigins origins (e.g. {@code https://app.example.org}) of browser apps; empty: none */
    public record Cors(List<String> allowedOrigins) {}
}
