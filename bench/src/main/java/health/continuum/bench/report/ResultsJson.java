package health.continuum.bench.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** results.json: the run's metadata and its three tables, one object per row, figures as JSON numbers. */
public final class ResultsJson {

    /** Two-space indents, one array element a line, "key": value: as easy to diff as to read. */
    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")).withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ResultsJson() {}

    public static void write(Path file, RunMeta meta, Results results) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("meta", meta(meta));
        document.put("startup", rows(results.startup()));
        document.put("ingest", rows(results.ingest()));
        document.put("workloads", rows(results.workloads()));
        JSON.writeValue(file.toFile(), document);
    }

    private static Map<String, Object> meta(RunMeta meta) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("date", meta.date());
        fields.put("kind", meta.kind());
        fields.put("commit", meta.commit());
        fields.put("machine", meta.machine());
        fields.put("java", meta.java());
        fields.put("wrk", meta.loadTool());
        fields.put("options", meta.options());
        fields.put("cohort", meta.cohort());
        fields.put("elapsed", meta.elapsed());
        fields.put("duration", meta.duration());
        fields.put("connections", meta.connections());
        fields.put("smoke", meta.smoke());
        fields.put("startup_rounds", meta.startupRounds());
        fields.put("notes", meta.notes());
        return fields;
    }

    private static List<Map<String, Object>> rows(Table<? extends Row> table) {
        return table.rows().stream().map(row -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                object.put(table.columns().get(i), row.cells().get(i));
            }
            return object;
        }).toList();
    }
}
