package health.continuum.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

    @TempDir
    Path dir;

    @Test
    void writesTheMetadataAndEveryRowWithFiguresAsNumbers() throws IOException {
        Results results = Fixtures.results(dir);
        Path file = dir.resolve("results.json");
        ResultsJson.write(file, Fixtures.meta(0), results);
        String json = Files.readString(file);
        assertEquals("""
                {
                  "meta": {
                    "date": "2026-12-07 04:10 UTC",
                    "kind": "smoke run",
                    "commit": "b7aa5f1 on main",
                    "machine": "2 cores, 23.5 GiB memory, Linux 6.18.44-fc-v1300",
                    "java": "openjdk version \\"17.0.15\\" 2025-04-15",
                    "wrk": "wrk debian/4.1.0-3+b2",
                    "options": "--patients 1 --seed 12345 --db h2 --duration 3 --warmup 1 --connections 4 --smoke",
                    "cohort": "bench/out/cohort-1-12345/fhir (patient bundles: 1, resources: 2988)",
                    "elapsed": "5 min 29 s",
                    "duration": 3,
                    "connections": 4,
                    "smoke": true,
                    "startup_rounds": 0,
                    "notes": [
                      "First note.",
                      "Second note."
                    ]
                  },
                  "startup": [
                    {
                      "db": "h2",
                      "checks": "on",
                      "database": "empty",
                      "startup_s": 13.1,
                      "rss_ready_mb": 656,
                      "cpu_s": 23.9,
                      "load_1m": 2.02
                    },
                    {
                      "db": "h2",
                      "checks": "off",
                      "database": "empty",
                      "startup_s": 13.5,
                      "rss_ready_mb": 654,
                      "cpu_s": null,
                      "load_1m": 3.64
                    }
                  ],
                  "ingest": [""", json.substring(0, json.indexOf("\"ingest\": [") + 11));
        assertEquals("""
                    {
                      "db": "h2",
                      "checks": "off",
                      "workload": "encounter-discharge",
                      "duration_s": 3,
                      "connections": 1,
                      "requests": 541,
                      "req_per_s": 180.4,
                      "p50_ms": 4.92,
                      "p95_ms": 9.59,
                      "p99_ms": 11.12,
                      "non2xx": 0,
                      "socket_errors": 0
                    }
                  ]
                }""", json.substring(json.lastIndexOf("\n    {") + 1));
    }

    @Test
    void anEmptyTableIsAnEmptyArray() throws IOException {
        Results results = Results.in(dir);
        Path file = dir.resolve("results.json");
        ResultsJson.write(file, Fixtures.meta(1), results);
        String json = Files.readString(file);
        assertEquals(List.of("  \"startup\": [],", "  \"ingest\": [],", "  \"workloads\": []"),
                json.lines().filter(line -> line.contains("\": []")).toList());
    }
}
