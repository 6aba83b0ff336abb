package health.continuum.data;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of the project's CSV data files: comma-separated, RFC 4180 quoting, fields trimmed. */
public final class CsvLine {

    private CsvLine() {}

    /** @throws IllegalArgumentException when a quoted field is not closed */
    public static List<String> split(String line) {
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
