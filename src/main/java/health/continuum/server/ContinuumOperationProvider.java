package health.continuum.server;

/**
 * Marks a Spring bean as a HAPI plain provider of FHIR operations (e.g. {@code $reconcile-medications}); every
 * such bean is registered on the RestfulServer, so a capability adds operations without editing the wiring.
 */
public interface ContinuumOperationProvider {}
