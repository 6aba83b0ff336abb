/**
 * One home for the facts every capability shares: the canonical URLs and codes Continuum defines itself (published in
 * the conformance package, fhir-profiles/), the external code systems and codes it reads and writes, and the
 * {@link health.continuum.canonical.Coding} that carries a code. Constants, enums and one value type: no FHIR model, no
 * HAPI, no Spring, so every pure core may use them (health.continuum.ArchitectureTest checks it).
 */
package health.continuum.canonical;
