/**
 * The canonical URLs and codes Continuum defines itself, shared by every capability and published in the conformance
 * package (fhir-profiles/). Constants and enums only: no FHIR model, no HAPI, no Spring, so pure cores may use them.
 */
package health.continuum.canonical;
