package health.continuum.bench.report;

import java.util.List;

/**
 * What a run's results are read with: when, what code, on what machine, with what options.
 *
 * @param kind "full run", "smoke run", "run of some workloads" or "start-up run"
 * @param loadTool wrk's version, or "none"
 * @param cohort the cohort directory with its size, or "none" for a start-up run
 * @param elapsed the run's wall time, e.g. "5 min 29 s"
 */
public record RunMeta(String date, String kind, String commit, String machine, String java, String loadTool,
        String options, String cohort, String elapsed, int duration, int connections, boolean smoke,
        int startupRounds, List<String> notes) {}
