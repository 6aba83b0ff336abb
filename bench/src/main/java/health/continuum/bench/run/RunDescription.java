package health.continuum.bench.run;

import health.continuum.bench.Commands;
import health.continuum.bench.Layout;
import health.continuum.bench.Options;
import health.continuum.bench.report.RunMeta;
import health.continuum.bench.server.ServerLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The metadata and notes a run's results are read with. */
final class RunDescription {

    private static final Duration QUERY_LIMIT = Duration.ofSeconds(30);

    private RunDescription() {}

    /**
     * @param cohort the loaded cohort as the results describe it, or "none"
     * @param workloadNotes one note per workload that ran, "name: description"
     */
    static RunMeta describe(Options options, Layout layout, String date, String elapsed, String cohort,
            String javaOptions, List<String> workloadNotes) {
        String optionLine = options.describe() + (javaOptions.isBlank() ? "" : " (JAVA_OPTS=" + javaOptions + ")");
        return new RunMeta(date, options.kind(), commit(layout), machine(), javaVersion(), wrkVersion(), optionLine,
                cohort, elapsed, options.duration(), options.connections(), options.smoke(), options.startupRounds(),
                notes(options, layout, workloadNotes));
    }

    private static List<String> notes(Options options, Layout layout, List<String> workloadNotes) {
        String runtime = "The server runs as the Docker image runs it: docker/prepare-runtime.sh (extracted jar,"
                + " class-data-sharing archive, serial collector; " + jvmOptions(layout.runtimeDir()) + ").";
        if (options.startupOnly()) {
            return List.of(runtime, "Start-up only, in the default configuration. Each round, per database: a start"
                    + " on an empty database (a fresh H2 directory or PostgreSQL database, whose schema the start"
                    + " creates), then, once it reports ready, a stop and a start on the same database (existing). CPU"
                    + " is the server process's user + system time at ready.");
        }
        List<String> notes = new ArrayList<>();
        notes.add(options.compare().describe());
        notes.add(runtime);
        notes.addAll(workloadNotes);
        notes.add("Each pass starts on an empty database (a fresh H2 directory or PostgreSQL database) and loads the"
                + " cohort; workload data are created through the API.");
        if (options.smoke()) {
            notes.add("Smoke run: 1 patient, " + options.duration()
                    + " s per workload; numbers show the harness works, not how fast the server is.");
        }
        return notes;
    }

    private static String jvmOptions(Path runtimeDir) {
        try {
            return String.join(" ", Files.readAllLines(runtimeDir.resolve("jvm.options")))
                    .replace(runtimeDir + "/", "");
        } catch (IOException e) {
            return "no jvm.options";
        }
    }

    private static String commit(Layout layout) {
        String commit = git(layout, "rev-parse", "--short", "HEAD").orElse("unknown");
        if (!git(layout, "status", "--porcelain").orElse("").isBlank()) {
            commit += " (with uncommitted changes)";
        }
        return commit + " on " + git(layout, "rev-parse", "--abbrev-ref", "HEAD").orElse("unknown");
    }

    private static String machine() {
        String memory = "unknown";
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0))
                    .findFirst().orElse(memory);
        } catch (IOException e) {
            // not Linux: the memory stays unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** The first line of java -version of the JVM the servers run on. */
    private static String javaVersion() {
        return Commands.output(List.of(ServerLauncher.javaBinary(), "-version"), QUERY_LIMIT)
                .map(text -> text.lines().findFirst().orElse("")).orElse("unknown");
    }

    /** "wrk debian/4.1.0-3+b2"; wrk -v exits 1 after printing its version. */
    private static String wrkVersion() {
        String first = Commands.capture(List.of("wrk", "-v"), QUERY_LIMIT).text().lines().findFirst().orElse("");
        String[] words = first.split(" ");
        return first.startsWith("wrk ") && words.length >= 2 ? words[0] + " " + words[1] : "none";
    }

    private static Optional<String> git(Layout layout, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", layout.repoDir().toString()));
        command.addAll(List.of(args));
        return Commands.output(command, QUERY_LIMIT).map(String::strip);
    }
}
