package health.continuum.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the external programs the harness needs (mvnw, psql, wrk, git, Synthea), each with a time limit. */
public final class Commands {

    private Commands() {}

    /** Runs a command with its output appended to a log file; returns its exit code. */
    public static int run(List<String> command, Path directory, Path log, Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return waitFor(start(builder), command, limit);
    }

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    public record Captured(int status, String text) {
        public boolean succeeded() {
            return status == 0;
        }
    }

    /** Runs a command and captures what it prints; a program that cannot be run gives status -1. */
    public static Captured capture(List<String> command, Duration limit) {
        try {
            Path capture = Files.createTempFile("continuum-bench", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(capture.toFile());
                int status = waitFor(start(builder), command, limit);
                return new Captured(status, Files.readString(capture, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(capture);
            }
        } catch (IOException | BenchException e) {
            return new Captured(-1, e.getMessage());
        }
    }

    /** The output of a command that succeeded, or empty. */
    public static Optional<String> output(List<String> command, Duration limit) {
        Captured captured = capture(command, limit);
        return captured.succeeded() ? Optional.of(captured.text()) : Optional.empty();
    }

    public static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new BenchException("cannot run " + builder.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Waits for a process; one still running after the limit is killed and fails the run. */
    public static int waitFor(Process process, List<String> command, Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new BenchException(command.get(0) + " did not finish within " + limit.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while " + command.get(0) + " ran", e);
        }
    }

    /** The program's path on PATH, if it is installed. */
    public static Optional<Path> find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
