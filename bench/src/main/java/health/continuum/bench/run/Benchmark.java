package health.continuum.bench.run;

import health.continuum.bench.BenchException;
import health.continuum.bench.Commands;
import health.continuum.bench.Database;
import health.continuum.bench.Layout;
import health.continuum.bench.Log;
import health.continuum.bench.Options;
import health.continuum.bench.cohort.Cohort;
import health.continuum.bench.cohort.CohortSource;
import health.continuum.bench.report.Results;
import health.continuum.bench.report.RunMeta;
import health.continuum.bench.server.Postgres;
import health.continuum.bench.server.ServerBuild;
import health.continuum.bench.server.ServerLauncher;
import health.continuum.bench.workload.Wrk;
import health.continuum.bench.workloads.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** One invocation of bench/run.sh: checks, build, the runs its options ask for, and their report. */
public final class Benchmark {

    private static final DateTimeFormatter DIR_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final Options options;
    private final Layout layout;
    private final String javaOptions = System.getenv().getOrDefault("JAVA_OPTS", "").strip();

    public Benchmark(Options options, Layout layout) {
        this.options = options;
        this.layout = layout;
    }

    public void run() throws InterruptedException {
        long started = System.nanoTime();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Path runDir = layout.outDir().resolve("run-" + now.format(DIR_STAMP));
        try {
            Files.createDirectories(runDir);
            Log.info("results go to " + layout.show(runDir));
            checkTools();
            Results results = Results.in(runDir);
            ServerBuild.prepare(layout, runDir);
            ServerLauncher launcher = new ServerLauncher(layout, serverJvmOptions(), runDir);
            String cohortNote = "none";
            List<String> workloadNotes = List.of();
            if (options.startupOnly()) {
                StartupRun.run(options, results, launcher);
            } else {
                Cohort cohort = new CohortSource(layout, runDir).resolve(options);
                cohortNote = layout.show(cohort.dir()) + " (patient bundles: " + cohort.patients().size()
                        + ", resources: " + cohort.resources() + ")";
                FullRun run = new FullRun(options, runDir, results, launcher, Workloads.ALL);
                run.run(cohort, new Wrk(layout.wrkScript()));
                workloadNotes = run.workloadNotes();
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            RunMeta meta = RunDescription.describe(options, layout, now.format(DATE),
                    seconds / 60 + " min " + seconds % 60 + " s", cohortNote, javaOptions, workloadNotes);
            Publisher.publish(layout, options, runDir, meta, results);
        } catch (IOException e) {
            Log.info("benchmark failed (exit 1); logs are in " + layout.show(runDir));
            throw new BenchException("cannot write the results: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Log.info("benchmark failed (exit 1); logs are in " + layout.show(runDir));
            throw e;
        }
    }

    private void checkTools() {
        if (!options.startupOnly() && Commands.find("wrk").isEmpty()) {
            throw new BenchException("wrk is missing (apt-get install -y wrk); see bench/README.md");
        }
        if (options.databases().contains(Database.POSTGRESQL)) {
            Postgres.checkAvailable();
        }
    }

    private List<String> serverJvmOptions() {
        return javaOptions.isEmpty() ? List.of() : Arrays.asList(javaOptions.split("\\s+"));
    }
}
