package health.continuum.medication;

import java.util.Map;

/** One data line of a knowledge base file, by column name; location is "source:line" for error messages. */
record CsvRow(String location, Map<String, String> values) {

    String get(String column) {
        return values.get(column);
    }
}
