package health.continuum.bench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.continuum.bench.workload.LoadResult;
import java.math.BigDecimal;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SaturationTest {

    @Test
    void twoOfEveryThreeRequestsAreWrites() {
        assertEquals(200, LongStream.range(0, 300).filter(Saturation::isWrite).count());
    }

    @Test
    void refusedAnswersCountAsRequestsAndErrorsButNotInThePercentiles() {
        LoadResult admitted = new LoadResult(90, 1_000_000, new BigDecimal("12.00"), new BigDecimal("40.00"),
                new BigDecimal("80.00"), 2, 0);
        LoadResult all = Saturation.combine(admitted, 10, 1, 2_000_000);
        assertEquals(100, all.requests());
        assertEquals(new BigDecimal("50.0"), all.requestsPerSecond());
        assertEquals(new BigDecimal("80.00"), all.p99Ms());
        assertEquals(12, all.non2xx());
        assertEquals(13, all.errors());
    }

    @Test
    void eachClientCountIsItsOwnWorkload() {
        assertEquals("saturation-96", new Saturation(96).name());
    }
}
