package health.continuum.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures rounded as the results report them, once, where they are measured. */
public final class Decimals {

    private Decimals() {}

    /** numerator / denominator with the given decimals; 0 when the denominator is 0 (nothing was measured). */
    public static BigDecimal quotient(double numerator, double denominator, int places) {
        return round(denominator == 0 ? 0 : numerator / denominator, places);
    }

    public static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN);
    }

    /** Kilobytes as whole megabytes (MiB), as the RSS columns show them. */
    public static long megabytes(long kilobytes) {
        return round(kilobytes / 1024.0, 0).longValueExact();
    }
}
