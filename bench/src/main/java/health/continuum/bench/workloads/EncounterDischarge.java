package health.continuum.bench.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.continuum.bench.BenchException;
import health.continuum.bench.fhir.FhirClient;
import health.continuum.bench.fhir.FhirClient.Answer;
import health.continuum.bench.workload.LatencyStats;
import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.LoadResult;
import health.continuum.bench.workload.ResourceBodies;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Discharge readiness rules, LACE Observation and follow-up Tasks (issue 5): each request PUTs a fresh in-progress
 * inpatient stay to finished, since only that change runs the rules. Untimed around it, a POST creates the stay
 * and DELETEs remove it with the Tasks and Observation its discharge wrote, so the patient keeps a real record's
 * size however long the run (thousands of leftover stays would slow every discharge after them). wrk cannot do
 * untimed steps, so this is the harness's own loop, on 1 connection; its req/s is 1 / mean latency of the PUTs.
 */
public final class EncounterDischarge implements Workload {

    @Override
    public String name() {
        return "encounter-discharge";
    }

    @Override
    public String description() {
        return "PUTs a fresh in-progress inpatient stay (class IMP) to finished on every request (the discharge "
                + "rules, LACE and follow-up Tasks) on 1 connection, in the harness's own loop, not wrk; untimed, it "
                + "creates each stay before and deletes it with its Tasks and LACE Observation after, so the patient "
                + "keeps a real record's size; its req/s is 1 / mean latency of the timed PUTs";
    }

    @Override
    public Load prepare(WorkloadContext context) {
        String finished = ResourceBodies.finishedInpatientStay(context.record().patient());
        context.writeBody("encounter-discharge.json", finished);
        return new DischargeLoop(context.fhir(), read(finished));
    }

    private record DischargeLoop(FhirClient fhir, ObjectNode finished) implements Load {

        @Override
        public int connections() {
            return 1;
        }

        @Override
        public LoadResult run(int seconds, Path output) {
            ObjectNode inProgress = finished.deepCopy().put("status", "in-progress");
            inProgress.putObject("period").set("start", finished.path("period").path("start"));
            LatencyStats stats = new LatencyStats();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            try {
                while (System.nanoTime() < deadline) {
                    String stay = fhir.expect("POST", "Encounter", inProgress).path("id").asText();
                    long started = System.nanoTime();
                    Answer answer = fhir.send("PUT", "Encounter/" + stay, finished.deepCopy().put("id", stay));
                    stats.add((System.nanoTime() - started) / 1e6, answer.status());
                    deleteWhatTheDischargeWrote(stay);
                    fhir.expect("DELETE", "Encounter/" + stay, null);
                }
            } catch (BenchException e) {
                write(output, e.getMessage());
                throw new BenchException("the discharge workload failed; see " + output, e);
            }
            LoadResult result = stats.result();
            write(output, result.line());
            return result;
        }

        private void deleteWhatTheDischargeWrote(String stay) {
            for (String search : List.of("Task?focus=Encounter/" + stay, "Observation?encounter=Encounter/" + stay)) {
                for (JsonNode entry : fhir.expect("GET", search + "&_elements=id&_count=100", null).path("entry")) {
                    JsonNode resource = entry.path("resource");
                    fhir.expect("DELETE", resource.path("resourceType").asText() + "/" + resource.path("id").asText(),
                            null);
                }
            }
        }
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) FhirClient.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the discharge body is not JSON", e);
        }
    }

    private static void write(Path output, String line) {
        try {
            Files.writeString(output, line + "\n");
        } catch (IOException e) {
            throw new BenchException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
