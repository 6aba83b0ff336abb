package health.continuum.bench.workload;

import health.continuum.bench.report.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies a harness loop timed itself, summarized as wrk summarizes its own. */
public final class LatencyStats {

    private final List<Double> latenciesMs = new ArrayList<>();
    private long non2xx;

    /** Records one timed request; like wrk, a 2xx or 3xx status counts as a success. */
    public void add(double latencyMs, int status) {
        latenciesMs.add(latencyMs);
        if (status < 200 || status >= 400) {
            non2xx++;
        }
    }

    /** The result; its duration is the sum of the timed requests, so req/s is 1 / their mean latency. */
    public LoadResult result() {
        List<Double> ordered = new ArrayList<>(latenciesMs);
        Collections.sort(ordered);
        double totalMs = ordered.stream().mapToDouble(Double::doubleValue).sum();
        return new LoadResult(ordered.size(), (long) (totalMs * 1000), percentile(ordered, 50),
                percentile(ordered, 95), percentile(ordered, 99), non2xx, 0);
    }

    /** Nearest rank: the smallest latency at or above which p % of the requests lie; 0 when there are none. */
    static BigDecimal percentile(List<Double> ordered, int p) {
        if (ordered.isEmpty()) {
            return Decimals.round(0, 2);
        }
        int rank = (ordered.size() * p + 99) / 100;
        return Decimals.round(ordered.get(Math.max(0, rank - 1)), 2);
    }
}
