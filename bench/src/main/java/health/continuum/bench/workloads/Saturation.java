package health.continuum.bench.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.continuum.bench.BenchException;
import health.continuum.bench.fhir.FhirClient;
import health.continuum.bench.fhir.FhirClient.Answer;
import health.continuum.bench.workload.LatencyStats;
import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.LoadResult;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server saturated (issue 22): N clients at once, each sending without pause, two writes (an Observation
 * create) for every search (the patient's Observations). A 503 is the server refusing politely and is counted
 * apart; the percentiles are of the admitted requests. The run fails if any answer is a 500 or if any 201 is not
 * stored afterwards (counted by the run's own code on the Observations).
 */
public final class Saturation implements Workload {

    private static final String CODE_SYSTEM = "https://continuum.health/bench/saturation";

    private final int clients;

    public Saturation(int clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return "saturation-" + clients;
    }

    @Override
    public String description() {
        return "sends from " + clients + " clients at once, without pause, 2 Observation creates for every search"
                + " of the patient's Observations, in the harness's own loop; req/s counts every answer, the"
                + " percentiles only admitted ones (not 503), Errors are the 503s; fails on any 500 or any 201 not"
                + " stored";
    }

    @Override
    public Load prepare(WorkloadContext context) {
        return new SaturationLoad(context.fhir(), context.record().patientId(), clients);
    }

    /** Whether the n-th request of a client is a write: two of every three. */
    static boolean isWrite(long n) {
        return n % 3 != 2;
    }

    /** Every answer with the admitted ones' percentiles; a 503 counts as a non-2xx answer. */
    static LoadResult combine(LoadResult admitted, long refused, long socketErrors, long wallMicros) {
        return new LoadResult(admitted.requests() + refused, wallMicros, admitted.p50Ms(), admitted.p95Ms(),
                admitted.p99Ms(), admitted.non2xx() + refused, socketErrors);
    }

    private record SaturationLoad(FhirClient fhir, String patient, int clients) implements Load {

        @Override
        public int connections() {
            return clients;
        }

        @Override
        public LoadResult run(int seconds, Path output) throws InterruptedException {
            String code = UUID.randomUUID().toString();
            ObjectNode observation = observation(code);
            LatencyStats admitted = new LatencyStats();
            Map<Integer, Long> statuses = new TreeMap<>();
            AtomicLong socketErrors = new AtomicLong();
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int client = 0; client < clients; client++) {
                pool.execute(() -> {
                    for (long n = 0; System.nanoTime() < deadline; n++) {
                        long sent = System.nanoTime();
                        Answer answer;
                        try {
                            answer = isWrite(n) ? fhir.send("POST", "Observation", observation)
                                    : fhir.send("GET", "Observation?subject=Patient/" + patient + "&_count=10", null);
                        } catch (BenchException socketError) {
                            socketErrors.incrementAndGet();
                            continue;
                        }
                        double latencyMs = (System.nanoTime() - sent) / 1e6;
                        synchronized (statuses) {
                            statuses.merge(answer.status(), 1L, Long::sum);
                            if (answer.status() != 503) {
                                admitted.add(latencyMs, answer.status());
                            }
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new BenchException("the saturation clients did not finish; see " + output);
            }
            long wallMicros = (System.nanoTime() - start) / 1000;
            // %7C: the token search's system|code separator, encoded, as a URI must carry it
            JsonNode count = fhir.expect("GET",
                    "Observation?code=" + CODE_SYSTEM + "%7C" + code + "&_summary=count", null);
            long stored = count.path("total").asLong(-1);
            long created = statuses.getOrDefault(201, 0L);
            LoadResult result =
                    combine(admitted.result(), statuses.getOrDefault(503, 0L), socketErrors.get(), wallMicros);
            write(output, result.line() + "\nstatuses " + statuses + ", socket errors " + socketErrors.get()
                    + "\nacknowledged creates " + created + ", stored " + stored + "\n");
            if (statuses.containsKey(500)) {
                throw new BenchException(statuses.get(500) + " answers were 500 under saturation; see " + output);
            }
            if (stored != created) {
                throw new BenchException(created + " creates answered 201 but " + stored + " are stored; see "
                        + output);
            }
            return result;
        }

        private ObjectNode observation(String code) {
            ObjectNode observation = FhirClient.JSON.createObjectNode().put("resourceType", "Observation")
                    .put("status", "final");
            observation.putObject("code").putArray("coding").addObject().put("system", CODE_SYSTEM).put("code", code);
            observation.putObject("subject").put("reference", "Patient/" + patient);
            observation.putObject("valueQuantity").put("value", 72).put("unit", "/min")
                    .put("system", "http://unitsofmeasure.org").put("code", "/min");
            return observation;
        }
    }

    private static void write(Path output, String text) {
        try {
            Files.writeString(output, text);
        } catch (IOException e) {
            throw new BenchException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
