package health.continuum.bench.report;

import java.math.BigDecimal;
import java.util.List;

/** The cohort's load in one pass; resources count only the entries of bundles the server accepted. */
public record IngestRow(String db, String checks, int bundles, int failedBundles, long resources, BigDecimal seconds,
        BigDecimal resourcesPerS, long peakRssMb) implements Row {

    public static final List<String> COLUMNS = List.of("db", "checks", "bundles", "failed_bundles", "resources",
            "seconds", "resources_per_s", "peak_rss_mb");

    @Override
    public List<Object> cells() {
        return List.of(db, checks, bundles, failedBundles, resources, seconds, resourcesPerS, peakRssMb);
    }
}
