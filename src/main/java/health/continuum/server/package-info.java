/**
 * The server wiring: HAPI's JPA storage, the /fhir endpoint, and what every request passes (body guard, concurrency,
 * response issues). A capability plugs in by declaring Spring beans of the interfaces defined here
 * ({@link health.continuum.server.ContinuumServerInterceptor}, {@link health.continuum.server.ContinuumOperationProvider},
 * {@link health.continuum.server.StartsBeforeStorage}); this package imports no capability
 * (health.continuum.ArchitectureTest checks it).
 */
package health.continuum.server;
