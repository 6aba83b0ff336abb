/**
 * HAPI and Spring glue of transitions of care: {@code DischargeInterceptor} judges a stay when a write finishes it,
 * {@code DischargeReadinessOperation} serves {@code $discharge-readiness}; both read the stay with
 * {@code DischargeReader} (FHIR resources to the core's summaries, {@code ResourceSummaries}) and judge it with the pure
 * core, and the interceptor stores what the discharge produces with {@code DischargeWriter}.
 */
package health.continuum.transition.glue;
