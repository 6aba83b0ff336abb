package health.continuum.medication;

import health.continuum.data.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a small CSV file: '#' lines and blank lines are skipped, the first other line must be the expected header, fields may be
 * double-quoted ("" inside quotes is a quote). Malformed lines become problems and are left out.
 */
final class CsvReader {

    private CsvReader() {
    }

    static List<CsvRow> read(String source, BufferedReader reader, List<String> columns, List<String> problems)
            throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String content = lineNumber == 1 ? line.replace("\uFEFF", "") : line;
            if (content.isBlank() || content.strip().startsWith("#")) {
                continue;
            }
            String location = source + ":" + lineNumber;
            List<String> fields;
            try {
                fields = CsvLine.split(content);
            } catch (IllegalArgumentException malformed) {
                problems.add(location + ": " + malformed.getMessage());
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (!fields.equals(columns)) {
                    problems.add(location + ": expected header '" + String.join(",", columns) + "' but found '" + content + "'");
                    return rows;
                }
            } else if (fields.size() != columns.size()) {
                problems.add(location + ": expected " + columns.size() + " fields but found " + fields.size());
            } else {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i), fields.get(i));
                }
                rows.add(new CsvRow(location, values));
            }
        }
        if (!headerSeen) {
            problems.add(source + ": missing header '" + String.join(",", columns) + "'");
        }
        return rows;
    }
}
