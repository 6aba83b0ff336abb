package health.continuum.bench.workload;

import health.continuum.bench.report.Decimals;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one run of a load measured, as workload.lua's done() reports it for wrk.
 *
 * @param durationMicros the time the requests took: wrk's wall time, or the sum of the timed requests of a loop
 *     that times only some of its requests
 * @param non2xx responses with a status other than 2xx/3xx
 * @param socketErrors connect, read, write and timeout errors
 */
public record LoadResult(long requests, long durationMicros, BigDecimal p50Ms, BigDecimal p95Ms, BigDecimal p99Ms,
        long non2xx, long socketErrors) {

    private static final String MARKER = "BENCH_RESULT ";

    public BigDecimal requestsPerSecond() {
        return Decimals.quotient(requests * 1e6, durationMicros, 1);
    }

    public long errors() {
        return non2xx + socketErrors;
    }

    /** The line workload.lua prints: BENCH_RESULT requests,duration_us,p50_ms,p95_ms,p99_ms,non2xx,socket_errors. */
    public String line() {
        return MARKER + requests + "," + durationMicros + "," + p50Ms + "," + p95Ms + "," + p99Ms + "," + non2xx + ","
                + socketErrors;
    }

    /** The result in wrk's output: its last BENCH_RESULT line, if it has a well-formed one. */
    public static Optional<LoadResult> fromWrkOutput(String output) {
        String[] lines = output.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith(MARKER)) {
                return parse(lines[i].substring(MARKER.length()).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<LoadResult> parse(String values) {
        String[] cells = values.split(",");
        if (cells.length != 7) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoadResult(Long.parseLong(cells[0]), Long.parseLong(cells[1]),
                    new BigDecimal(cells[2]), new BigDecimal(cells[3]), new BigDecimal(cells[4]),
                    Long.parseLong(cells[5]), Long.parseLong(cells[6])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
