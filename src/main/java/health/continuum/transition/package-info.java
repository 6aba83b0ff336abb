/**
 * Transitions of care, pure core: the CMS TCM clock, Charlson and LACE scores, TCM eligibility, discharge readiness
 * checks and the follow-up Tasks assist mode proposes. Plain records in, plain records out: no FHIR model, no HAPI,
 * no Spring. The glue that reads and writes FHIR resources is {@link health.continuum.transition.glue}; it uses this
 * package, never the reverse (health.continuum.ArchitectureTest checks both).
 */
package health.continuum.transition;
