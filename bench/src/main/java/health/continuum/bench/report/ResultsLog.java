package health.continuum.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** bench/RESULTS.md, the append-only log of runs: each run adds its summary as a section at the end. */
public final class ResultsLog {

    static final String HEADER =
            "# Continuum benchmark results\n\nAppended by `bench/run.sh`; see bench/README.md.\n\n";

    private ResultsLog() {}

    public static void append(Path resultsMd, String section) throws IOException {
        boolean fresh = !Files.exists(resultsMd) || Files.size(resultsMd) == 0;
        String text = (fresh ? HEADER : "") + section + "\n";
        Files.writeString(resultsMd, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
