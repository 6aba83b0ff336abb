package health.continuum.bench.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** Results of a known run: the h2 figures of RESULTS.md's 2026-12-07 04:10 smoke run, two workloads of it. */
final class Fixtures {

    private Fixtures() {}

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static RunMeta meta(int startupRounds) {
        return new RunMeta("2026-12-07 04:10 UTC", startupRounds > 0 ? "start-up run" : "smoke run",
                "b7aa5f1 on main", "2 cores, 23.5 GiB memory, Linux 6.18.44-fc-v1300",
                "openjdk version \"17.0.15\" 2025-04-15", "wrk debian/4.1.0-3+b2",
                "--patients 1 --seed 12345 --db h2 --duration 3 --warmup 1 --connections 4 --smoke",
                "bench/out/cohort-1-12345/fhir (patient bundles: 1, resources: 2988)", "5 min 29 s", 3, 4, true,
                startupRounds, List.of("First note.", "Second note."));
    }

    static Results results(Path dir) {
        Results results = Results.in(dir);
        results.startup().add(new StartupRow("h2", "on", "empty", d("13.1"), 656, d("23.9"), d("2.02")));
        results.startup().add(new StartupRow("h2", "off", "empty", d("13.5"), 654, null, d("3.64")));
        results.ingest().add(new IngestRow("h2", "on", 3, 0, 2988, d("25.9"), d("115.3"), 1161));
        results.ingest().add(new IngestRow("h2", "off", 3, 0, 2988, d("13.5"), d("221.9"), 952));
        results.workloads().add(new WorkloadRow("h2", "on", "careplan-include", 3, 4, 374, d("124.8"), d("31.15"),
                d("51.13"), d("58.10"), 0, 0));
        results.workloads().add(new WorkloadRow("h2", "on", "encounter-discharge", 3, 1, 80, d("26.5"), d("35.86"),
                d("56.35"), d("79.23"), 0, 0));
        results.workloads().add(new WorkloadRow("h2", "off", "careplan-include", 3, 4, 306, d("102.0"), d("39.16"),
                d("59.41"), d("66.80"), 2, 1));
        results.workloads().add(new WorkloadRow("h2", "off", "encounter-discharge", 3, 1, 541, d("180.4"),
                d("4.92"), d("9.59"), d("11.12"), 0, 0));
        return results;
    }
}
