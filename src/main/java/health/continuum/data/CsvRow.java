package health.continuum.data;

import java.util.Map;

/** One data line of a CSV file, by column name; location is "source:line" for messages about it. */
public record CsvRow(String location, Map<String, String> values) {

    public String get(String column) {
        return values.get(column);
    }
}
