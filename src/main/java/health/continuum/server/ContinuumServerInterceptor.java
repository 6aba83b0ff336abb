package health.continuum.server;

/**
 * Marks a Spring bean as a HAPI interceptor of the /fhir endpoint; every such bean is registered on the
 * RestfulServer, so a capability adds its checks by declaring a bean, not by editing the server wiring.
 */
public interface ContinuumServerInterceptor {}
