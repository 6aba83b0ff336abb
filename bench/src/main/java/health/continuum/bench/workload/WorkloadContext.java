package health.continuum.bench.workload;

import health.continuum.bench.BenchException;
import health.continuum.bench.fhir.FhirClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a workload prepares with: the server, the patient's record on it, where request bodies go, the
 * --connections option and the wrk runner.
 */
public record WorkloadContext(FhirClient fhir, PatientRecord record, Path requestDir, int connections, Wrk wrk) {

    /** Writes a request body into the pass's request directory; wrk reads it from there. */
    public Path writeBody(String fileName, String json) {
        try {
            Files.createDirectories(requestDir);
            return Files.writeString(requestDir.resolve(fileName), json);
        } catch (IOException e) {
            throw new BenchException("cannot write " + fileName + ": " + e.getMessage(), e);
        }
    }
}
