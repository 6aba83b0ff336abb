/**
 * Conformance: every write validated against base FHIR R4 and Continuum's profiles (fhir-profiles/). Validation is
 * HAPI's and the HL7 validator's work, so nearly all of it is glue, in {@code conformance.glue}; the pure core holds
 * what other capabilities read of its verdict, {@link health.continuum.conformance.RuleFailure}. The core imports no
 * FHIR model, no HAPI and no Spring, and nothing of the glue (health.continuum.ArchitectureTest checks it).
 */
package health.continuum.conformance;
