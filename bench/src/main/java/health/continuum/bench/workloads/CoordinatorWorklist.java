package health.continuum.bench.workloads;

import health.continuum.bench.BenchException;
import health.continuum.bench.Log;
import health.continuum.bench.fhir.FhirClient;
import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.ResourceBodies;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A coordinator's $worklist with 100,000 Tasks on the server (issue 19: p50 <= 50 ms on PostgreSQL). Opt-in: its
 * preparation posts the Tasks through the API, which takes minutes.
 */
public final class CoordinatorWorklist implements Workload {

    static final int TASKS = 100_000;
    static final int OWNERS = 500;
    private static final int TASKS_PER_BUNDLE = 1_000;
    private static final List<String> PRIORITIES = List.of("routine", "routine", "urgent", "asap", "stat");
    private static final Duration BUNDLE_LIMIT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "worklist-100k";
    }

    @Override
    public String description() {
        return "GET Practitioner/W/$worklist, the first page (default size), with " + TASKS + " Tasks on the server: "
                + OWNERS + " coordinators own " + TASKS / OWNERS + " each (2 of 3 open, due from 30 days ago to 29 days"
                + " ahead, mixed priorities), W is one of them; opt-in (--workloads worklist-100k), its Tasks are posted"
                + " in transactions of " + TASKS_PER_BUNDLE + " before the pass's workloads";
    }

    @Override
    public boolean optIn() {
        return true;
    }

    @Override
    public Load prepare(WorkloadContext context) {
        FhirClient fhir = context.fhir();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            owners.add("Practitioner/" + fhir.create("Practitioner",
                    "{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Coordinator " + i + "\"}]}"));
        }
        LocalDate today = LocalDate.now();
        for (int first = 0; first < TASKS; first += TASKS_PER_BUNDLE) {
            StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
            for (int i = first; i < first + TASKS_PER_BUNDLE; i++) {
                String status = switch (i % 3) {
                    case 0 -> "completed";
                    case 1 -> "requested";
                    default -> "in-progress";
                };
                String task = ResourceBodies.worklistTask(status, PRIORITIES.get(i % PRIORITIES.size()),
                        today.plusDays(i % 60 - 30).toString(), context.record().patient(), owners.get(i % OWNERS));
                bundle.append(i == first ? "" : ",").append("{\"resource\":").append(task)
                        .append(",\"request\":{\"method\":\"POST\",\"url\":\"Task\"}}");
            }
            post(fhir, context.writeBody("worklist-tasks.json", bundle.append("]}").toString()));
            if ((first + TASKS_PER_BUNDLE) % 10_000 == 0) {
                Log.info("worklist-100k: " + (first + TASKS_PER_BUNDLE) + " Tasks posted");
            }
        }
        return context.wrk().load("GET", fhir.base() + "/" + owners.get(0) + "/$worklist", null,
                context.connections());
    }

    private static void post(FhirClient fhir, Path bundle) {
        try {
            HttpResponse<byte[]> response = fhir.postBundle(bundle, BUNDLE_LIMIT);
            if (response.statusCode() != 200) {
                throw new BenchException("posting worklist Tasks answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new BenchException("posting worklist Tasks failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }
}
