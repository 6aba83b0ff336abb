/**
 * Transitions of care, pure core: the CMS TCM clock, Charlson and LACE scores, TCM eligibility, discharge readiness
 * checks and the follow-up Tasks assist mode proposes. Plain records in, plain records out: no FHIR model, no HAPI,
 * no Spring; the glue that reads and writes FHIR resources lives elsewhere.
 */
package health.continuum.transition;
