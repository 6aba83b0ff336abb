package health.continuum.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLogTest {

    @TempDir
    Path dir;

    @Test
    void aNewLogStartsWithItsHeading() throws IOException {
        Path log = dir.resolve("RESULTS.md");
        ResultsLog.append(log, "## run 1\n");
        assertEquals("# Continuum benchmark results\n\nAppended by `bench/run.sh`; see bench/README.md.\n\n## run 1\n\n",
                Files.readString(log));
    }

    @Test
    void sectionsAreAppendedAfterTheHistoryWithABlankLineBetween() throws IOException {
        Path log = dir.resolve("RESULTS.md");
        Files.writeString(log, "# Results\n\n## old run\n\n");
        ResultsLog.append(log, "## run 1\n");
        ResultsLog.append(log, "## run 2\n");
        assertEquals("# Results\n\n## old run\n\n## run 1\n\n## run 2\n\n", Files.readString(log));
    }
}
