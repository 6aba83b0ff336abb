package health.continuum.bench.report;

import java.nio.file.Path;

/** The three tables of a run, with their CSV files in the run directory. */
public record Results(Table<StartupRow> startup, Table<IngestRow> ingest, Table<WorkloadRow> workloads) {

    public static Results in(Path runDir) {
        return new Results(new Table<>(StartupRow.COLUMNS, runDir.resolve("startup.csv")),
                new Table<>(IngestRow.COLUMNS, runDir.resolve("ingest.csv")),
                new Table<>(WorkloadRow.COLUMNS, runDir.resolve("workloads.csv")));
    }
}
