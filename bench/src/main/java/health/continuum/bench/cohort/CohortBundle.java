package health.continuum.bench.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import health.continuum.bench.BenchException;
import health.continuum.bench.fhir.Bundles;
import health.continuum.bench.fhir.FhirClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One bundle file of the cohort.
 *
 * @param patientIdentifier the identifier search token of its Patient, or null for the shared bundles
 */
public record CohortBundle(Path file, int entries, String patientIdentifier) {

    public static CohortBundle read(Path file) {
        try {
            JsonNode bundle = FhirClient.JSON.readTree(file.toFile());
            Optional<String> patient = Bundles.patientIdentifier(bundle);
            return new CohortBundle(file, Bundles.entryCount(bundle), patient.orElse(null));
        } catch (IOException e) {
            throw new BenchException("cannot read the bundle " + file + ": " + e.getMessage(), e);
        }
    }
}
