package health.continuum.bench.report;

import java.math.BigDecimal;
import java.util.List;

/** One workload's measured run in one pass; latencies in ms. */
public record WorkloadRow(String db, String checks, String workload, int durationS, int connections, long requests,
        BigDecimal reqPerS, BigDecimal p50Ms, BigDecimal p95Ms, BigDecimal p99Ms, long non2xx, long socketErrors)
        implements Row {

    public static final List<String> COLUMNS = List.of("db", "checks", "workload", "duration_s", "connections",
            "requests", "req_per_s", "p50_ms", "p95_ms", "p99_ms", "non2xx", "socket_errors");

    public long errors() {
        return non2xx + socketErrors;
    }

    @Override
    public List<Object> cells() {
        return List.of(db, checks, workload, durationS, connections, requests, reqPerS, p50Ms, p95Ms, p99Ms, non2xx,
                socketErrors);
    }
}
