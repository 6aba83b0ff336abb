package health.continuum.server;

import ca.uhn.fhir.rest.server.interceptor.CorsInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.web.cors.CorsConfiguration;

/** CORS for browser-based apps: HAPI's CorsInterceptor, given only the origins a site allows. */
final class BrowserAccess {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    // What FHIR REST and SMART clients send: tokens, conditional and versioned writes, return preferences
    private static final List<String> REQUEST_HEADERS = List.of("Accept", "Authorization", "Content-Type",
            "If-Match", "If-None-Exist", "If-None-Match", "If-Modified-Since", "Prefer", "X-Request-Id");
    // Versions, where a created resource lives, and why to wait: what an app reads from the response headers
    private static final List<String> RESPONSE_HEADERS = List.of("ETag", "Last-Modified", "Location",
            "Content-Location", "X-Request-Id", "Retry-After", "WWW-Authenticate");

    private BrowserAccess() {}

    /** No interceptor at all when no origin is allowed: a browser then gets no CORS headers and stops. */
    static Optional<CorsInterceptor> interceptor(FhirServerProperties.Cors cors) {
        if (cors.allowedOrigins().isEmpty()) {
            return Optional.empty();
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(METHODS);
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(RESPONSE_HEADERS);
        configuration.setMaxAge(Duration.ofHours(1));
        return Optional.of(new CorsInterceptor(configuration));
    }
}
