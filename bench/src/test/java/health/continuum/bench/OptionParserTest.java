package health.continuum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionParserTest {

    private final OptionParser parser = new OptionParser(List.of("careplan-include", "task-worklist", "medstatement-update"));

    @Test
    void defaultsAreTheFullRun() throws UsageException {
        Options options = parser.parse();
        assertEquals(10, options.patients());
        assertEquals(12345, options.seed());
        assertNull(options.cohort());
        assertEquals(List.of(Database.H2, Database.POSTGRESQL), options.databases());
        assertEquals(5, options.duration());
        assertEquals(1, options.warmup());
        assertEquals(4, options.connections());
        assertEquals(Compare.ALL, options.compare());
        assertEquals(List.of(), options.workloads());
        assertEquals("full run", options.kind());
        assertTrue(options.complete());
        assertEquals("--patients 10 --seed 12345 --db both --duration 5 --warmup 1 --connections 4", options.describe());
    }

    @Test
    void everyOptionIsRead() throws UsageException {
        Options options = parser.parse("--patients", "50", "--seed", "7", "--cohort", "/tmp/cohort", "--db", "h2",
                "--duration", "30", "--warmup", "2", "--connections", "8", "--compare", "rules",
                "--workloads", "task-worklist,careplan-include");
        assertEquals(Path.of("/tmp/cohort"), options.cohort());
        assertEquals(List.of(Database.H2), options.databases());
        assertEquals(Compare.RULES, options.compare());
        assertEquals(List.of("task-worklist", "careplan-include"), options.workloads());
        assertTrue(options.runs("careplan-include", false));
        assertFalse(options.runs("medstatement-update", false));
        assertEquals("run of some workloads", options.kind());
        assertFalse(options.complete());
        assertEquals("--patients 50 --seed 7 --db h2 --duration 30 --warmup 2 --connections 8 --cohort /tmp/cohort"
                + " --compare rules --workloads task-worklist,careplan-include", options.describe());
    }

    @Test
    void anOptInWorkloadRunsOnlyWhenNamed() throws UsageException {
        assertFalse(parser.parse().runs("task-worklist", true));
        assertTrue(parser.parse().runs("task-worklist", false));
        assertTrue(parser.parse("--workloads", "task-worklist").runs("task-worklist", true));
    }

    @Test
    void durabilityComparesTheCommitFlushPerDatabase() throws UsageException {
        Compare compare = parser.parse("--compare", "durability").compare();
        assertEquals(Compare.DURABILITY, compare);
        assertEquals(List.of("--spring.datasource.hikari.connection-init-sql=SET WRITE_DELAY 500"),
                compare.offProperties(Database.H2));
        assertEquals(List.of("--spring.datasource.hikari.connection-init-sql=SET synchronous_commit = off"),
                compare.offProperties(Database.POSTGRESQL));
        assertTrue(compare.describe().startsWith("ON and OFF both run every check"));
        assertEquals(Compare.ALL.offProperties(Database.H2), Compare.ALL.offProperties(Database.POSTGRESQL));
    }

    @Test
    void smokeSetsOnePatientAndShortWorkloads() throws UsageException {
        Options options = parser.parse("--duration", "30", "--smoke", "--db", "postgresql");
        assertEquals(1, options.patients());
        assertEquals(3, options.duration());
        assertEquals(1, options.warmup());
        assertEquals("smoke run", options.kind());
        assertEquals("--patients 1 --seed 12345 --db postgresql --duration 3 --warmup 1 --connections 4 --smoke",
                options.describe());
    }

    @Test
    void startupRunDescribesOnlyItsRoundsAndDatabases() throws UsageException {
        Options options = parser.parse("--startup", "3", "--db", "h2");
        assertTrue(options.startupOnly());
        assertEquals("start-up run", options.kind());
        assertEquals("--startup 3 --db h2", options.describe());
        assertFalse(parser.parse("--startup", "0").startupOnly());
    }

    @Test
    void emptyNamesInTheWorkloadListAreIgnored() throws UsageException {
        assertEquals(List.of("task-worklist"), parser.parse("--workloads", ",task-worklist,").workloads());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--patients|abc|not a whole number: abc",
        "--seed|-1|not a whole number: -1",
        "--duration|1.5|not a whole number: 1.5",
        "--startup|x|not a whole number: x",
        "--patients|0|--patients, --duration and --connections must be at least 1",
        "--connections|0|--patients, --duration and --connections must be at least 1",
        "--patients|9999999999|too large: 9999999999",
        "--db|mysql|--db must be h2, postgresql or both",
        "--compare|some|--compare must be all, rules or durability",
        "--workloads|task-worklist,nope|unknown workload: nope (known: careplan-include task-worklist medstatement-update)",
    })
    void badValuesExitWith2AndSayWhy(String option, String value, String message) {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(option, value));
        assertEquals(message, e.getMessage());
        assertEquals(2, e.exitCode());
        assertFalse(e.showUsage());
    }

    @ParameterizedTest
    @CsvSource({
        "--patients, --patients needs a value",
        "--cohort, --cohort needs a directory",
        "--db, '--db needs h2, postgresql or both'",
        "--duration, --duration needs seconds",
        "--connections, --connections needs a count",
        "--workloads, --workloads needs names",
        "--startup, --startup needs a number of rounds",
    })
    void aMissingValueIsNamed(String option, String message) {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(option));
        assertEquals(message, e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void anUnknownOptionShowsTheUsage() {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse("--smoke", "--fast"));
        assertEquals("unknown option: --fast", e.getMessage());
        assertTrue(e.showUsage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void helpExitsWith0() {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse("--patients", "3", "-h"));
        assertTrue(e.isHelp());
        assertEquals(0, e.exitCode());
        assertTrue(OptionParser.USAGE.startsWith("usage: bench/run.sh [options]\n"));
    }
}
