package health.continuum.transition;

import health.continuum.data.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a small classpath CSV file (RFC 4180 quoting, one record per line) into rows keyed by header name. */
final class CsvResource {

    private CsvResource() {}

    static List<Map<String, String>> read(String resource) {
        try (InputStream in = CsvResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().filter(line -> !line.isBlank()).toList();
            List<String> header = CsvLine.split(lines.get(0));
            return lines.stream().skip(1).map(line -> row(resource, header, CsvLine.split(line))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> row(String resource, List<String> header, List<String> values) {
        if (values.size() != header.size()) {
            throw new IllegalStateException(resource + ": expected " + header.size() + " fields, got " + values);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), values.get(i));
        }
        return row;
    }
}
