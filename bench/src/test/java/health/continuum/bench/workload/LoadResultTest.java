package health.continuum.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LoadResultTest {

    private static final String WRK_OUTPUT = """
            Running 3s test @ http://127.0.0.1:41234/fhir/Task?owner=Practitioner/1
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    18.11ms    7.05ms  61.47ms   79.12%
              Latency Distribution
                 50%   17.10ms
              663 requests in 3.00s, 5.30MB read
              Non-2xx or 3xx responses: 2
            Requests/sec:    220.76
            BENCH_RESULT 663,3003214,17.10,32.91,41.56,2,1
            """;

    @Test
    void readsTheResultLineOfWrk() {
        LoadResult result = LoadResult.fromWrkOutput(WRK_OUTPUT).orElseThrow();
        assertEquals(663, result.requests());
        assertEquals(3003214, result.durationMicros());
        assertEquals(new BigDecimal("17.10"), result.p50Ms());
        assertEquals(new BigDecimal("32.91"), result.p95Ms());
        assertEquals(new BigDecimal("41.56"), result.p99Ms());
        assertEquals(3, result.errors());
        assertEquals(new BigDecimal("220.8"), result.requestsPerSecond());
    }

    @Test
    void theLastResultLineCounts() {
        String output = "BENCH_RESULT 1,1000000,1.00,1.00,1.00,0,0\nBENCH_RESULT 10,2000000,2.00,3.00,4.00,0,0\n";
        assertEquals(10, LoadResult.fromWrkOutput(output).orElseThrow().requests());
    }

    @Test
    void noOrABrokenResultLineIsNoResult() {
        assertTrue(LoadResult.fromWrkOutput("unable to connect to 127.0.0.1:1 Connection refused\n").isEmpty());
        assertTrue(LoadResult.fromWrkOutput("BENCH_RESULT 10,20,1.0,2.0\n").isEmpty());
        assertTrue(LoadResult.fromWrkOutput("BENCH_RESULT 10,20,x,2.0,3.0,0,0\n").isEmpty());
    }

    @Test
    void nothingMeasuredIsZeroRequestsPerSecond() {
        LoadResult none = new LoadResult(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
        assertEquals(new BigDecimal("0.0"), none.requestsPerSecond());
    }

    @Test
    void itsLineIsTheOneWorkloadLuaPrints() {
        LoadResult result = LoadResult.fromWrkOutput(WRK_OUTPUT).orElseThrow();
        assertEquals("BENCH_RESULT 663,3003214,17.10,32.91,41.56,2,1", result.line());
        assertEquals(result, LoadResult.fromWrkOutput(result.line()).orElseThrow());
    }
}
