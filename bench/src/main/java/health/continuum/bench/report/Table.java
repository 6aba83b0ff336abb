package health.continuum.bench.report;

import health.continuum.bench.BenchException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A results table, kept in memory and in a CSV file that gets each row as it is measured. */
public final class Table<R extends Row> {

    private final List<String> columns;
    private final Path csv;
    private final List<R> rows = new ArrayList<>();

    public Table(List<String> columns, Path csv) {
        this.columns = columns;
        this.csv = csv;
        write(String.join(",", columns), StandardOpenOption.TRUNCATE_EXISTING);
    }

    public void add(R row) {
        rows.add(row);
        write(row.cells().stream().map(Table::text).collect(Collectors.joining(",")), StandardOpenOption.APPEND);
    }

    public List<String> columns() {
        return columns;
    }

    public List<R> rows() {
        return List.copyOf(rows);
    }

    /** A cell as the CSV files and RESULTS.md show it. */
    public static String text(Object cell) {
        if (cell == null) {
            return "–";
        }
        return cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell.toString();
    }

    private void write(String line, StandardOpenOption mode) {
        try {
            Files.writeString(csv, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new BenchException("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }
}
