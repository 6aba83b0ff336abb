/**
 * HAPI and Spring glue of medication safety: {@code FhirMedication} turns a MedicationStatement or MedicationRequest
 * into the core's input, {@code MedicationCheckInterceptor} runs the checks when a write commits and records each new
 * finding as a DetectedIssue, {@code ReconcileMedicationsProvider} serves {@code $reconcile-medications}. They read
 * through {@code CurrentMedications} and {@code MedicationRecords} and write through {@code SystemWrites}.
 */
package health.continuum.medication.glue;
