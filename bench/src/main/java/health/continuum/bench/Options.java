package health.continuum.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * A run's settings, as bench/run.sh's options give them ({@link OptionParser}).
 *
 * @param cohort a Synthea output directory to load, or null to generate one
 * @param workloads the workloads to run, or empty for all but the opt-in ones
 * @param startupRounds above 0, a start-up run of that many rounds instead of the full benchmark
 */
public record Options(int patients, int seed, Path cohort, List<Database> databases, int duration, int warmup,
        int connections, boolean smoke, Compare compare, List<String> workloads, int startupRounds) {

    public boolean startupOnly() {
        return startupRounds > 0;
    }

    /** @param optIn whether the workload runs only when --workloads names it */
    public boolean runs(String workload, boolean optIn) {
        return workloads.isEmpty() ? !optIn : workloads.contains(workload);
    }

    /** Only a run of everything with the default sizes represents the server, e.g. in bench/results-latest.png. */
    public boolean complete() {
        return !smoke && workloads.isEmpty();
    }

    /** How RESULTS.md names the run in its heading. */
    public String kind() {
        if (startupOnly()) {
            return "start-up run";
        }
        if (smoke) {
            return "smoke run";
        }
        return workloads.isEmpty() ? "full run" : "run of some workloads";
    }

    public String databaseChoice() {
        return databases.size() > 1 ? "both" : databases.get(0).label();
    }

    /** The options as a command line that repeats the run, recorded with its results. */
    public String describe() {
        if (startupOnly()) {
            return "--startup " + startupRounds + " --db " + databaseChoice();
        }
        StringBuilder line = new StringBuilder().append("--patients ").append(patients).append(" --seed ").append(seed)
                .append(" --db ").append(databaseChoice()).append(" --duration ").append(duration)
                .append(" --warmup ").append(warmup).append(" --connections ").append(connections);
        if (cohort != null) {
            line.append(" --cohort ").append(cohort);
        }
        if (smoke) {
            line.append(" --smoke");
        }
        if (compare != Compare.ALL) {
            line.append(" --compare ").append(compare.label());
        }
        if (!workloads.isEmpty()) {
            line.append(" --workloads ").append(String.join(",", workloads));
        }
        return line.toString();
    }
}
