/**
 * Coordination gaps: what an accepted EHR record lacks for care coordination (a care team without a coordinator, a
 * care plan without a goal) becomes an open Task for the coordinator, once, completed when the record is fixed.
 * {@link health.continuum.coordination.CoordinationGaps} is the pure core: no FHIR model, no HAPI, no Spring. The glue
 * that reads and writes the Tasks is {@link health.continuum.coordination.glue}; it uses the core, never the reverse
 * (health.continuum.ArchitectureTest checks both).
 */
package health.continuum.coordination;
