package health.continuum.support;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * One interceptor of the running server replaced by another until {@link #close()}, so that a test can send its
 * requests over HTTP under a non-default policy in the one shared Spring context. Use it in try-with-resources: the
 * original goes back even when the test fails.
 */
public final class SwappedInterceptor implements AutoCloseable {

    private final RestfulServer server;
    private final Object original;
    private final Object replacement;

    private SwappedInterceptor(RestfulServer server, Object original, Object replacement) {
        this.server = server;
        this.original = original;
        this.replacement = replacement;
    }

    /** Unregisters {@code original}, a registered interceptor bean, and registers {@code replacement}. */
    public static SwappedInterceptor swap(RestfulServer server, Object original, Object replacement) {
        // Registering a second instance next to a bean that is not registered would run both policies
        if (!server.getInterceptorService().getAllRegisteredInterceptors().contains(original)) {
            throw new IllegalStateException(original.getClass().getSimpleName() + " is not registered on the server");
        }
        server.unregisterInterceptor(original);
        server.registerInterceptor(replacement);
        return new SwappedInterceptor(server, original, replacement);
    }

    @Override
    public void close() {
        server.unregisterInterceptor(replacement);
        server.registerInterceptor(original);
    }
}
