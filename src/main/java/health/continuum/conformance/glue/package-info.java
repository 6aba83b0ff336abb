/**
 * HAPI and Spring glue of conformance: the conformance package ({@code ConformancePackage}, read by
 * {@code ConformanceResourceReader}), the validator built from it ({@code ProfileValidator}), the interceptor that
 * validates every write ({@code ProfileValidationInterceptor}) and the preparation of {@code $validate}.
 * {@code ServerAuthored} marks what the server builds itself, which other capabilities' glue uses.
 */
package health.continuum.conformance.glue;
