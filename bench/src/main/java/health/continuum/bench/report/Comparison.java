package health.continuum.bench.report;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;

/** The cells of RESULTS.md that set a checks-on figure against its checks-off one; "–" where one is missing. */
final class Comparison<R> {

    private static final String NONE = "–";

    private final R on;
    private final R off;

    Comparison(R on, R off) {
        this.on = on;
        this.off = off;
    }

    /** "on / off". */
    String pair(Function<R, Object> figure) {
        return side(on, figure) + " / " + side(off, figure);
    }

    /**
     * Time per operation with checks on over time per operation with checks off, from throughput: off / on.
     * 1.00 means the checks cost nothing.
     */
    String overhead(Function<R, BigDecimal> throughput) {
        if (on == null || off == null || throughput.apply(on).signum() <= 0 || throughput.apply(off).signum() <= 0) {
            return NONE;
        }
        return format("%.2f", throughput.apply(off).doubleValue() / throughput.apply(on).doubleValue());
    }

    /** The machine time the checks add to one request, free of queueing: 1000/(req/s on) - 1000/(req/s off). */
    String addedMsPerRequest(Function<R, BigDecimal> throughput) {
        if (on == null || off == null || throughput.apply(on).signum() == 0 || throughput.apply(off).signum() == 0) {
            return NONE;
        }
        return format("%.1f", 1000 / throughput.apply(on).doubleValue() - 1000 / throughput.apply(off).doubleValue());
    }

    /** on - off, e.g. p50 added. */
    String difference(Function<R, BigDecimal> figure) {
        if (on == null || off == null) {
            return NONE;
        }
        return format("%.1f", figure.apply(on).doubleValue() - figure.apply(off).doubleValue());
    }

    private static <R> String side(R row, Function<R, Object> figure) {
        return row == null ? NONE : Table.text(figure.apply(row));
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
