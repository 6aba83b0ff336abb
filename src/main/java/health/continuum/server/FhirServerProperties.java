package health.continuum.server;

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
 */
@ConfigurationProperties("continuum.server")
public record FhirServerProperties(
        DataSize maxRequestSize, int defaultPageSize, int maxPageSize, String publicBaseUrl) {}
