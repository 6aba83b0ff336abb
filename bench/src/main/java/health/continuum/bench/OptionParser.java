package health.continuum.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads bench/run.sh's command line into {@link Options}; bad input is a {@link UsageException}. */
public final class OptionParser {

    public static final String USAGE = """
            usage: bench/run.sh [options]
              --patients N      Synthea patients in the generated cohort (default 10)
              --seed S          Synthea seed (default 12345)
              --cohort DIR      use this cohort (a Synthea output dir or its fhir/ dir) instead of generating one
              --db WHICH        h2, postgresql or both (default both)
              --duration S      measured seconds per workload (default 5)
              --warmup S        unmeasured seconds before each workload (default 1)
              --connections C   concurrent connections per workload (default 4)
              --compare WHAT    all: checks off turns validation, medication checks and discharge rules off (default);
                                rules: only medication checks and discharge rules, validation runs in both passes;
                                durability: every check on in both, OFF acknowledges commits before they are on disk
              --workloads LIST  comma-separated names of the workloads to run (default: all of them, in their order)
              --smoke           quick end-to-end check for CI: 1 patient, 3 s per workload, 1 s warm-up
              --startup N       start-up only: per database, N rounds of a start on an empty database and a restart on
                                the same database, in the default configuration; no cohort, ingest or workloads
              -h, --help        this text
            Environment: JAVA_OPTS is passed to the server JVM; SYNTHEA_GENERATE names a generate.sh to use.
            """;

    private final List<String> knownWorkloads;

    /** @param knownWorkloads the names --workloads accepts */
    public OptionParser(List<String> knownWorkloads) {
        this.knownWorkloads = knownWorkloads;
    }

    public Options parse(String... args) throws UsageException {
        int patients = 10, seed = 12345, duration = 5, warmup = 1, connections = 4, startupRounds = 0;
        Path cohort = null;
        String db = "both", compare = "all", workloads = "";
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--patients" -> patients = wholeNumber(value(args, ++i, "--patients needs a value"));
                case "--seed" -> seed = wholeNumber(value(args, ++i, "--seed needs a value"));
                case "--cohort" -> cohort = Path.of(value(args, ++i, "--cohort needs a directory"));
                case "--db" -> db = value(args, ++i, "--db needs h2, postgresql or both");
                case "--duration" -> duration = wholeNumber(value(args, ++i, "--duration needs seconds"));
                case "--warmup" -> warmup = wholeNumber(value(args, ++i, "--warmup needs seconds"));
                case "--connections" -> connections = wholeNumber(value(args, ++i, "--connections needs a count"));
                case "--smoke" -> smoke = true;
                case "--compare" -> compare = value(args, ++i, "--compare needs all, rules or durability");
                case "--workloads" -> workloads = value(args, ++i, "--workloads needs names");
                case "--startup" -> startupRounds = wholeNumber(value(args, ++i, "--startup needs a number of rounds"));
                case "-h", "--help" -> throw UsageException.help();
                default -> throw UsageException.unknownOption(option);
            }
        }
        if (smoke) {
            patients = 1;
            duration = 3;
            warmup = 1;
        }
        if (patients < 1 || duration < 1 || connections < 1) {
            throw UsageException.invalid("--patients, --duration and --connections must be at least 1");
        }
        return new Options(patients, seed, cohort, databases(db), duration, warmup, connections, smoke,
                compare(compare), workloads(workloads), startupRounds);
    }

    private static String value(String[] args, int index, String missing) throws UsageException {
        if (index >= args.length || args[index].isEmpty()) {
            throw UsageException.invalid(missing);
        }
        return args[index];
    }

    private static int wholeNumber(String text) throws UsageException {
        if (!text.matches("[0-9]+")) {
            throw UsageException.invalid("not a whole number: " + text);
        }
        if (text.length() > 9) {
            throw UsageException.invalid("too large: " + text);
        }
        return Integer.parseInt(text);
    }

    private static List<Database> databases(String choice) throws UsageException {
        return switch (choice) {
            case "h2" -> List.of(Database.H2);
            case "postgresql" -> List.of(Database.POSTGRESQL);
            case "both" -> List.of(Database.H2, Database.POSTGRESQL);
            default -> throw UsageException.invalid("--db must be h2, postgresql or both");
        };
    }

    private static Compare compare(String choice) throws UsageException {
        return switch (choice) {
            case "all" -> Compare.ALL;
            case "rules" -> Compare.RULES;
            case "durability" -> Compare.DURABILITY;
            default -> throw UsageException.invalid("--compare must be all, rules or durability");
        };
    }

    private List<String> workloads(String list) throws UsageException {
        List<String> names = new ArrayList<>();
        for (String name : Arrays.stream(list.split(",")).filter(name -> !name.isBlank()).toList()) {
            if (!knownWorkloads.contains(name)) {
                throw UsageException.invalid(
                        "unknown workload: " + name + " (known: " + String.join(" ", knownWorkloads) + ")");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }
}
