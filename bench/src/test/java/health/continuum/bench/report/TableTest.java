package health.continuum.bench.report;

import static health.continuum.bench.report.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    @TempDir
    Path dir;

    @Test
    void theCsvGetsAHeaderAndEachRowAsItIsAdded() throws IOException {
        Path csv = dir.resolve("startup.csv");
        Files.writeString(csv, "left over from an earlier run\n");
        Table<StartupRow> table = new Table<>(StartupRow.COLUMNS, csv);
        assertEquals("db,checks,database,startup_s,rss_ready_mb,cpu_s,load_1m\n", Files.readString(csv));
        table.add(new StartupRow("postgresql", "default", "existing", d("14.50"), 685, null, d("2.63")));
        assertEquals("db,checks,database,startup_s,rss_ready_mb,cpu_s,load_1m\n"
                + "postgresql,default,existing,14.50,685,–,2.63\n", Files.readString(csv));
        assertEquals(1, table.rows().size());
    }

    @Test
    void workloadRowsCountBothKindsOfError() {
        WorkloadRow row = new WorkloadRow("h2", "on", "task-worklist", 3, 4, 10, d("3.3"), d("1.00"), d("2.00"),
                d("3.00"), 2, 5);
        assertEquals(7, row.errors());
        assertEquals("h2,on,task-worklist,3,4,10,3.3,1.00,2.00,3.00,2,5",
                String.join(",", row.cells().stream().map(Table::text).toList()));
    }
}
