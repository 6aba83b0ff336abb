package health.continuum.bench.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One start of the server: seconds from process start to the first 200 on /fhir/metadata, and RSS, CPU time
 * (null where the OS does not tell) and the machine's load average (at the start) then.
 *
 * @param database "empty" for a start on a fresh database, "existing" for a restart on the previous one
 */
public record StartupRow(String db, String checks, String database, BigDecimal startupS, long rssReadyMb,
        BigDecimal cpuS, BigDecimal load1m) implements Row {

    public static final List<String> COLUMNS =
            List.of("db", "checks", "database", "startup_s", "rss_ready_mb", "cpu_s", "load_1m");

    @Override
    public List<Object> cells() {
        return Arrays.asList(db, checks, database, startupS, rssReadyMb, cpuS, load1m);
    }
}
