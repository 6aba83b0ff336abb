package health.continuum.bench.workload;

import health.continuum.bench.BenchException;
import health.continuum.bench.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs wrk with bench/workload.lua: req/s, p50/p95/p99 and errors of one request sent over and over on C
 * connections (up to 2 threads: the server has the other cores' worth of CPU). wrk, in C, takes far less of a
 * 2-core machine's CPU than a JVM client would, and its figures are the ones in RESULTS.md since the first run.
 */
public record Wrk(Path script) {

    /** A load of one request; body is null for a GET. */
    public Load load(String method, String url, Path body, int connections) {
        return new Load() {
            @Override
            public int connections() {
                return connections;
            }

            @Override
            public LoadResult run(int seconds, Path output) {
                return Wrk.this.run(method, url, body, connections, seconds, output);
            }
        };
    }

    private LoadResult run(String method, String url, Path body, int connections, int seconds, Path output) {
        List<String> command = List.of("wrk", "-t", String.valueOf(Math.min(connections, 2)),
                "-c", String.valueOf(connections), "-d", seconds + "s", "--timeout", "30s", "--latency",
                "-s", script.toString(), url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("BENCH_METHOD", method);
        builder.environment().put("BENCH_BODY_FILE", body == null ? "" : body.toString());
        if (Commands.waitFor(Commands.start(builder), command, Duration.ofSeconds(seconds + 60L)) != 0) {
            throw new BenchException("wrk failed; see " + output);
        }
        try {
            return LoadResult.fromWrkOutput(Files.readString(output))
                    .orElseThrow(() -> new BenchException("wrk printed no result; see " + output));
        } catch (IOException e) {
            throw new BenchException("cannot read " + output + ": " + e.getMessage(), e);
        }
    }
}
