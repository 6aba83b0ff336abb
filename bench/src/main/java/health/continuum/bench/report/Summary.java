package health.continuum.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** summary.md: the section a run appends to RESULTS.md. */
public final class Summary {

    private static final String EXPLANATION = "Overhead on/off = (time per operation with checks on) / (time per"
            + " operation with checks off), from throughput; above 1.00 the checks cost time. Added ms per request ="
            + " 1000/(req/s on) - 1000/(req/s off): the machine time the checks add to each request, free of"
            + " queueing; p50 added = p50 on - p50 off, which includes waiting behind the other connections'"
            + " requests. Errors = non-2xx/3xx responses + socket errors. A load average above the core count means"
            + " other work shared the CPU during that pass.";

    private Summary() {}

    public static String render(RunMeta meta, Results results) {
        List<String> lines = new ArrayList<>(List.of("## " + meta.date() + " — " + meta.kind(), "",
                "- Commit: `" + meta.commit() + "`", "- Machine: " + meta.machine(),
                "- Java: " + meta.java() + "; load tool: " + meta.loadTool(), "- Options: `" + meta.options() + "`",
                "- Cohort: " + meta.cohort(), "- Run time: " + meta.elapsed(), "", "Notes:", ""));
        meta.notes().forEach(note -> lines.add("- " + note));
        lines.addAll(List.of("", "### Start-up (process start to first 200 on /fhir/metadata)", "",
                "| DB | Checks | Database | Start-up s | RSS at ready MB | CPU s at ready "
                        + "| Load average (1 min) at start |",
                "| --- | --- | --- | ---: | ---: | ---: | ---: |"));
        results.startup().rows().forEach(row -> lines.add(tableLine(row.cells())));
        if (meta.startupRounds() > 0) {
            lines.add("");
            return String.join("\n", lines);
        }
        List<String> dbs = results.startup().rows().stream().map(StartupRow::db).distinct().toList();
        lines.addAll(List.of("", "### Ingest (hospital + practitioner bundles, then patient bundles 2 in parallel)", "",
                "| DB | Resources | Resources/s on / off | Overhead on/off | Peak RSS MB on / off "
                        + "| Failed bundles on / off |",
                "| --- | ---: | ---: | ---: | ---: | ---: |"));
        for (String db : dbs) {
            IngestRow on = find(results.ingest().rows(), db, "on");
            IngestRow off = find(results.ingest().rows(), db, "off");
            Comparison<IngestRow> ingest = new Comparison<>(on, off);
            Object resources = on != null ? on.resources() : off != null ? off.resources() : null;
            lines.add(tableLine(Arrays.asList(db, resources, ingest.pair(IngestRow::resourcesPerS),
                    ingest.overhead(IngestRow::resourcesPerS), ingest.pair(IngestRow::peakRssMb),
                    ingest.pair(IngestRow::failedBundles))));
        }
        for (String db : dbs) {
            lines.addAll(workloadSection(meta, db, results.workloads().rows()));
        }
        lines.addAll(List.of("", EXPLANATION, ""));
        return String.join("\n", lines);
    }

    private static List<String> workloadSection(RunMeta meta, String db, List<WorkloadRow> rows) {
        List<WorkloadRow> ofDb = rows.stream().filter(row -> row.db().equals(db)).toList();
        List<String> lines = new ArrayList<>(List.of("", "### Workloads on " + db + " (" + meta.duration() + " s each, "
                + meta.connections() + " connections" + otherConnections(meta.connections(), ofDb) + ")", "",
                "| Workload | req/s on / off | Overhead on/off | Added ms per request | p50 ms on / off | p50 added ms "
                        + "| p95 ms on / off | p99 ms on / off | Errors on / off |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"));
        for (String name : ofDb.stream().map(WorkloadRow::workload).distinct().toList()) {
            List<WorkloadRow> named = ofDb.stream().filter(row -> row.workload().equals(name)).toList();
            Comparison<WorkloadRow> c = new Comparison<>(find(named, db, "on"), find(named, db, "off"));
            lines.add(tableLine(List.of(name, c.pair(WorkloadRow::reqPerS), c.overhead(WorkloadRow::reqPerS),
                    c.addedMsPerRequest(WorkloadRow::reqPerS), c.pair(WorkloadRow::p50Ms),
                    c.difference(WorkloadRow::p50Ms), c.pair(WorkloadRow::p95Ms), c.pair(WorkloadRow::p99Ms),
                    c.pair(WorkloadRow::errors))));
        }
        return lines;
    }

    /** "; medstatement-update and encounter-discharge 1" for the workloads that use their own connection count. */
    private static String otherConnections(int connections, List<WorkloadRow> rows) {
        Map<Integer, List<String>> byCount = new LinkedHashMap<>();
        rows.stream().filter(row -> row.connections() != connections).forEach(row -> byCount
                .computeIfAbsent(row.connections(), count -> new ArrayList<>()).add(row.workload()));
        return byCount.entrySet().stream().map(entry -> "; " + String.join(" and ",
                entry.getValue().stream().distinct().toList()) + " " + entry.getKey()).collect(Collectors.joining());
    }

    private static String tableLine(List<Object> cells) {
        return cells.stream().map(Table::text).collect(Collectors.joining(" | ", "| ", " |"));
    }

    private static <R extends Row> R find(List<R> rows, String db, String checks) {
        return rows.stream().filter(row -> row.db().equals(db) && row.checks().equals(checks)).findFirst()
                .orElse(null);
    }
}
