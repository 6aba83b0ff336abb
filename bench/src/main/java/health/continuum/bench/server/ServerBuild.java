package health.continuum.bench.server;

import health.continuum.bench.BenchException;
import health.continuum.bench.Commands;
import health.continuum.bench.Layout;
import health.continuum.bench.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The server a run measures: this checkout's jar, in the runtime layout the Docker image uses. */
public final class ServerBuild {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(30);

    private ServerBuild() {}

    public static void prepare(Layout layout, Path runDir) {
        Log.info("building the server jar");
        Path buildLog = runDir.resolve("build.log");
        String mvnw = layout.repoDir().resolve("mvnw").toString();
        // Offline first: on a machine that has built before, every dependency is in ~/.m2 already.
        boolean built = Commands.run(List.of(mvnw, "-o", "-q", "package", "-DskipTests"), layout.repoDir(), buildLog,
                BUILD_LIMIT) == 0
                || Commands.run(List.of(mvnw, "-q", "package", "-DskipTests"), layout.repoDir(), buildLog,
                        BUILD_LIMIT) == 0;
        if (!built) {
            throw new BenchException("build failed; see " + buildLog);
        }
        if (!Files.isRegularFile(layout.serverJar())) {
            throw new BenchException("build produced no " + layout.serverJar());
        }
        Log.info("preparing the runtime layout the Docker image uses (extracted jar, class-data-sharing archive)");
        Path runtimeLog = runDir.resolve("runtime.log");
        List<String> prepare = List.of(layout.repoDir().resolve("docker/prepare-runtime.sh").toString(),
                layout.serverJar().toString(), layout.runtimeDir().toString());
        if (Commands.run(prepare, layout.repoDir(), runtimeLog, BUILD_LIMIT) != 0) {
            throw new BenchException("preparing the runtime failed; see " + runtimeLog);
        }
    }
}
