/**
 * Medication safety, pure core: the knowledge base (RxNorm ingredients, ONC high-priority interactions, duplicate-therapy
 * classes) read and validated from its CSV files, the interaction and duplicate-therapy checks, and medication
 * reconciliation. Plain records in, plain records out: no FHIR model, no HAPI, no Spring. The glue that reads and
 * writes FHIR resources is {@link health.continuum.medication.glue}; it uses this package, never the reverse
 * (health.continuum.ArchitectureTest checks both).
 */
package health.continuum.medication;
