package health.continuum.bench.cohort;

import health.continuum.bench.fhir.Bundles;
import health.continuum.bench.fhir.FhirClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The outcome of posting one cohort bundle: accepted, or failed with the reason. The response of a failed
 * bundle is kept in the responses directory.
 */
public record BundlePost(CohortBundle bundle, boolean ok, String reason) {

    private static final Duration BUNDLE_LIMIT = Duration.ofSeconds(1800);

    public static BundlePost send(FhirClient fhir, CohortBundle bundle, Path responses) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = fhir.postBundle(bundle.file(), BUNDLE_LIMIT);
            if (response.statusCode() / 100 != 2) {
                return failed(bundle, "HTTP " + response.statusCode(), keep(response.body(), bundle, responses));
            }
            // A batch (the hospital/practitioner bundles) answers 200 even when single entries fail.
            int failedEntries = Bundles.failedEntries(FhirClient.JSON.readTree(response.body()));
            if (failedEntries != 0) {
                return failed(bundle, failedEntries + " entries failed", keep(response.body(), bundle, responses));
            }
            return new BundlePost(bundle, true, "");
        } catch (IOException e) {
            return new BundlePost(bundle, false, "no readable response: " + e.getMessage());
        }
    }

    /** The line of ingest-*.tsv: "ok TAB file" or "failed TAB file TAB reason". */
    public String line() {
        return ok ? "ok\t" + bundle.file() : "failed\t" + bundle.file() + "\t" + reason;
    }

    private static BundlePost failed(CohortBundle bundle, String what, Path response) {
        return new BundlePost(bundle, false, what + " (response kept in " + response + ")");
    }

    private static Path keep(byte[] body, CohortBundle bundle, Path responses) throws IOException {
        Files.createDirectories(responses);
        Path file = responses.resolve(bundle.file().getFileName() + ".response");
        Files.write(file, body);
        return file;
    }
}
