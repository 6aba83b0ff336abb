package health.continuum.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the project's CSV data files, the built-in ones and a site's own: UTF-8, lines starting with '#' and blank
 * lines skipped, the first other line the expected header, fields comma-separated with RFC 4180 quoting ("" inside
 * quotes is a quote) and trimmed. Every problem names the file and line ("source:line: what is wrong"); a malformed
 * line is left out, so that one read reports them all.
 */
public final class CsvReader {

    private CsvReader() {}

    /** Reads {@code in}, adding each problem to {@code problems}; {@code source} names the file in them. */
    public static List<CsvRow> read(String source, InputStream in, List<String> columns, List<String> problems)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
                fields = split(content);
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

    /**
     * Reads a data file that ships on the classpath; a problem in it is a defect of the build, so it fails at once.
     *
     * @throws IllegalStateException listing every problem, when the file is missing or invalid
     */
    public static List<CsvRow> readResource(String resource, List<String> columns) {
        String source = "classpath:" + resource;
        try (InputStream in = CsvReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(source + ": not on the classpath");
            }
            List<String> problems = new ArrayList<>();
            List<CsvRow> rows = read(source, in, columns, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Invalid data file:\n" + String.join("\n", problems));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when a quoted field is not closed */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
