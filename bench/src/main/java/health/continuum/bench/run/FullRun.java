package health.continuum.bench.run;

import health.continuum.bench.Checks;
import health.continuum.bench.Database;
import health.continuum.bench.Log;
import health.continuum.bench.Options;
import health.continuum.bench.cohort.Cohort;
import health.continuum.bench.cohort.Ingest;
import health.continuum.bench.report.Results;
import health.continuum.bench.report.WorkloadRow;
import health.continuum.bench.server.PassDatabase;
import health.continuum.bench.server.RunningServer;
import health.continuum.bench.server.ServerLauncher;
import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.LoadResult;
import health.continuum.bench.workload.PatientRecord;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;
import health.continuum.bench.workload.Wrk;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: for each database, a pass with checks on and one with checks off, each on an empty database:
 * start-up, ingest of the cohort, then the workloads.
 */
final class FullRun {

    private final Options options;
    private final Path runDir;
    private final Results results;
    private final ServerLauncher launcher;
    private final List<Workload> workloads;

    FullRun(Options options, Path runDir, Results results, ServerLauncher launcher, List<Workload> workloads) {
        this.options = options;
        this.runDir = runDir;
        this.results = results;
        this.launcher = launcher;
        this.workloads = workloads.stream().filter(workload -> options.runs(workload.name(), workload.optIn())).toList();
    }

    void run(Cohort cohort, Wrk wrk) throws InterruptedException {
        Ingest ingest = new Ingest(cohort, runDir);
        for (Database db : options.databases()) {
            for (Checks checks : List.of(Checks.ON, Checks.OFF)) {
                Log.info("=== " + db.label() + ", checks " + checks.label() + " ===");
                pass(db, checks, cohort, ingest, wrk);
            }
        }
    }

    /** One note per workload run, for the results. */
    List<String> workloadNotes() {
        return workloads.stream().map(workload -> workload.name() + ": " + workload.description() + ".").toList();
    }

    private void pass(Database db, Checks checks, Cohort cohort, Ingest ingest, Wrk wrk)
            throws InterruptedException {
        List<String> properties = checks == Checks.OFF ? options.compare().offProperties(db) : List.of();
        try (PassDatabase database = PassDatabase.create(db, checks);
                RunningServer server = launcher.start(db, checks, database, properties, "empty")) {
            results.startup().add(server.startup());
            results.ingest().add(ingest.load(server, db, checks));
            PatientRecord record = PatientRecord.create(server.fhir(), cohort);
            Path requests = runDir.resolve("requests-" + db.label() + "-" + checks.label());
            WorkloadContext context = new WorkloadContext(server.fhir(), record, requests, options.connections(), wrk);
            Map<String, Load> loads = new LinkedHashMap<>();
            workloads.forEach(workload -> loads.put(workload.name(), workload.prepare(context)));
            for (Map.Entry<String, Load> load : loads.entrySet()) {
                database.refreshStatistics();
                measure(db, checks, load.getKey(), load.getValue());
            }
        }
    }

    private void measure(Database db, Checks checks, String name, Load load) throws InterruptedException {
        Path output = runDir.resolve("wrk-" + db.label() + "-" + checks.label() + "-" + name + ".txt");
        if (options.warmup() > 0) {
            // A short unmeasured run first: ingest warmed the write path, not the search paths.
            load.run(options.warmup(), runDir.resolve(output.getFileName() + ".warmup"));
        }
        LoadResult result = load.run(options.duration(), output);
        results.workloads().add(new WorkloadRow(db.label(), checks.label(), name, options.duration(),
                load.connections(), result.requests(), result.requestsPerSecond(), result.p50Ms(), result.p95Ms(),
                result.p99Ms(), result.non2xx(), result.socketErrors()));
        Log.info(db.label() + "/checks " + checks.label() + ": " + name + " " + result.requestsPerSecond()
                + " req/s, p50 " + result.p50Ms() + " ms, p95 " + result.p95Ms() + " ms, p99 " + result.p99Ms()
                + " ms, errors " + result.errors());
    }
}
