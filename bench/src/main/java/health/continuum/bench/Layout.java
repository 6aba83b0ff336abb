package health.continuum.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the harness finds the server and its own files, and where a run writes. */
public record Layout(Path benchDir, Path repoDir) {

    /** The layout of the checkout this harness was built in: its jar is bench/target/continuum-bench.jar. */
    public static Layout ofThisCheckout() {
        try {
            Path code = Path.of(Layout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path benchDir = code.getParent().getParent().toAbsolutePath().normalize();
            return new Layout(benchDir, benchDir.getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the harness's own jar", e);
        }
    }

    public Path serverJar() {
        return repoDir.resolve("target/continuum-0.1.0-SNAPSHOT.jar");
    }

    /** The runtime layout the Docker image uses, made by docker/prepare-runtime.sh. */
    public Path runtimeDir() {
        return repoDir.resolve("target/runtime");
    }

    public Path outDir() {
        return benchDir.resolve("out");
    }

    public Path resultsLog() {
        return benchDir.resolve("RESULTS.md");
    }

    public Path latestChart() {
        return benchDir.resolve("results-latest.png");
    }

    public Path wrkScript() {
        return benchDir.resolve("workload.lua");
    }

    public Path syntheaScript() {
        return benchDir.resolve("synthea/generate.sh");
    }

    /** The path as the logs and results show it: relative to the repository when inside it. */
    public String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(repoDir) ? repoDir.relativize(absolute).toString() : absolute.toString();
    }
}
