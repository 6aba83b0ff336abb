package health.continuum.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRank() {
        LatencyStats stats = new LatencyStats();
        for (int ms = 100; ms >= 1; ms--) {
            stats.add(ms, 200);
        }
        LoadResult result = stats.result();
        assertEquals(100, result.requests());
        assertEquals(new BigDecimal("50.00"), result.p50Ms());
        assertEquals(new BigDecimal("95.00"), result.p95Ms());
        assertEquals(new BigDecimal("99.00"), result.p99Ms());
    }

    @Test
    void fewLatenciesRoundTheRankUp() {
        List<Double> ordered = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
        assertEquals(new BigDecimal("4.00"), LatencyStats.percentile(ordered, 50));
        assertEquals(new BigDecimal("7.00"), LatencyStats.percentile(ordered, 95));
        assertEquals(new BigDecimal("1.00"), LatencyStats.percentile(List.of(1.0), 99));
        assertEquals(new BigDecimal("0.00"), LatencyStats.percentile(List.of(), 50));
    }

    @Test
    void requestsPerSecondIsOneOverTheMeanLatency() {
        LatencyStats stats = new LatencyStats();
        stats.add(10.0, 200);
        stats.add(30.0, 200);
        LoadResult result = stats.result();
        assertEquals(40_000, result.durationMicros());
        assertEquals(new BigDecimal("50.0"), result.requestsPerSecond());
        assertEquals(new BigDecimal("10.00"), result.p50Ms());
    }

    @Test
    void statusesOutside2xxAnd3xxAreErrors() {
        LatencyStats stats = new LatencyStats();
        for (int status : new int[] {200, 201, 304, 400, 412, 500, 199}) {
            stats.add(1.0, status);
        }
        LoadResult result = stats.result();
        assertEquals(4, result.non2xx());
        assertEquals(0, result.socketErrors());
        assertEquals(4, result.errors());
    }
}
