package health.continuum.bench.report;

import static health.continuum.bench.report.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            ## 2026-12-07 04:10 UTC — smoke run

            - Commit: `b7aa5f1 on main`
            - Machine: 2 cores, 23.5 GiB memory, Linux 6.18.44-fc-v1300
            - Java: openjdk version "17.0.15" 2025-04-15; load tool: wrk debian/4.1.0-3+b2
            - Options: `--patients 1 --seed 12345 --db h2 --duration 3 --warmup 1 --connections 4 --smoke`
            - Cohort: bench/out/cohort-1-12345/fhir (patient bundles: 1, resources: 2988)
            - Run time: 5 min 29 s

            Notes:

            - First note.
            - Second note.

            ### Start-up (process start to first 200 on /fhir/metadata)

            | DB | Checks | Database | Start-up s | RSS at ready MB | CPU s at ready | Load average (1 min) at start |
            | --- | --- | --- | ---: | ---: | ---: | ---: |
            | h2 | on | empty | 13.1 | 656 | 23.9 | 2.02 |
            | h2 | off | empty | 13.5 | 654 | – | 3.64 |
            """;

    @Test
    void aFullRunHasStartupIngestAndWorkloadTables() {
        String expected = HEAD + """

                ### Ingest (hospital + practitioner bundles, then patient bundles 2 in parallel)

                | DB | Resources | Resources/s on / off | Overhead on/off | Peak RSS MB on / off | Failed bundles on / off |
                | --- | ---: | ---: | ---: | ---: | ---: |
                | h2 | 2988 | 115.3 / 221.9 | 1.92 | 1161 / 952 | 0 / 0 |

                ### Workloads on h2 (3 s each, 4 connections; encounter-discharge 1)

                | Workload | req/s on / off | Overhead on/off | Added ms per request | p50 ms on / off | p50 added ms \
                | p95 ms on / off | p99 ms on / off | Errors on / off |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                | careplan-include | 124.8 / 102.0 | 0.82 | -1.8 | 31.15 / 39.16 | -8.0 | 51.13 / 59.41 \
                | 58.10 / 66.80 | 0 / 3 |
                | encounter-discharge | 26.5 / 180.4 | 6.81 | 32.2 | 35.86 / 4.92 | 30.9 | 56.35 / 9.59 \
                | 79.23 / 11.12 | 0 / 0 |

                Overhead on/off = (time per operation with checks on) / (time per operation with checks off), from \
                throughput; above 1.00 the checks cost time. Added ms per request = 1000/(req/s on) - 1000/(req/s \
                off): the machine time the checks add to each request, free of queueing; p50 added = p50 on - p50 \
                off, which includes waiting behind the other connections' requests. Errors = non-2xx/3xx responses \
                + socket errors. A load average above the core count means other work shared the CPU during that \
                pass.
                """;
        assertEquals(expected, Summary.render(Fixtures.meta(0), Fixtures.results(dir)));
    }

    @Test
    void aStartupRunHasOnlyTheStartupTable() {
        assertEquals(HEAD.replace("— smoke run", "— start-up run"),
                Summary.render(Fixtures.meta(1), Fixtures.results(dir)));
    }

    @Test
    void aMissingPassOrNoThroughputShowsADash() {
        Results results = Results.in(dir);
        results.startup().add(new StartupRow("postgresql", "on", "empty", d("14.0"), 640, d("24.0"), d("1.00")));
        results.ingest().add(new IngestRow("postgresql", "on", 3, 1, 2000, d("20.0"), d("100.0"), 900));
        results.workloads().add(new WorkloadRow("postgresql", "on", "task-worklist", 3, 4, 0, d("0.0"), d("0.00"),
                d("0.00"), d("0.00"), 0, 5));
        String summary = Summary.render(Fixtures.meta(0), results);
        assertTrue(summary.contains("\n| postgresql | 2000 | 100.0 / – | – | 900 / – | 1 / – |\n"), summary);
        assertTrue(summary.contains("\n| task-worklist | 0.0 / – | – | – | 0.00 / – | – | 0.00 / – | 0.00 / – | 5 / – |\n"),
                summary);
        assertTrue(summary.contains("### Workloads on postgresql (3 s each, 4 connections)\n"), summary);
    }

    @Test
    void workloadsOnTheirOwnConnectionCountAreNamedTogether() {
        Results results = Fixtures.results(dir);
        results.workloads().add(new WorkloadRow("h2", "on", "medstatement-update", 3, 1, 300, d("100.0"), d("1.00"),
                d("2.00"), d("3.00"), 0, 0));
        results.workloads().add(new WorkloadRow("h2", "on", "worklist-96", 3, 96, 300, d("100.0"), d("1.00"),
                d("2.00"), d("3.00"), 0, 0));
        List<String> headings = Summary.render(Fixtures.meta(0), results).lines()
                .filter(line -> line.startsWith("### Workloads")).toList();
        assertEquals(List.of("### Workloads on h2 (3 s each, 4 connections; encounter-discharge and medstatement-update"
                + " 1; worklist-96 96)"), headings);
    }
}
