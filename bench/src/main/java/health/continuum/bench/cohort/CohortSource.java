package health.continuum.bench.cohort;

import health.continuum.bench.BenchException;
import health.continuum.bench.Commands;
import health.continuum.bench.Directories;
import health.continuum.bench.Layout;
import health.continuum.bench.Log;
import health.continuum.bench.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The cohort a run loads: --cohort, or one generated with Synthea once and reused by later runs. */
public final class CohortSource {

    private static final Duration GENERATION_LIMIT = Duration.ofHours(2);

    private final Layout layout;
    private final Path runDir;

    public CohortSource(Layout layout, Path runDir) {
        this.layout = layout;
        this.runDir = runDir;
    }

    public Cohort resolve(Options options) {
        Path dir = options.cohort() != null ? given(options.cohort()) : generated(options.patients(), options.seed());
        Cohort cohort = Cohort.read(dir);
        if (cohort.shared().isEmpty()) {
            Log.info("warning: no hospitalInformation*/practitionerInformation* bundles in " + cohort.dir()
                    + "; conditional references may fail");
        }
        Log.info("cohort: " + cohort.patients().size() + " patient bundles, " + cohort.resources() + " resources");
        return cohort;
    }

    private static Path given(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BenchException("--cohort " + dir + " is not a directory");
        }
        return dir.toAbsolutePath().normalize();
    }

    private Path generated(int patients, int seed) {
        Path dir = layout.outDir().resolve("cohort-" + patients + "-" + seed);
        if (Files.isDirectory(dir)) {
            Log.info("reusing cohort " + layout.show(dir));
            return dir;
        }
        Path script = syntheaScript().orElseThrow(() -> {
            System.err.println(help(dir, patients, seed));
            return new BenchException("no cohort to load (see above)");
        });
        Log.info("generating " + patients + " Synthea patients (seed " + seed + ") with " + script);
        // Into a scratch directory first, so an interrupted generation is never mistaken for a cohort.
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        try {
            Directories.deleteRecursively(partial);
            Path log = runDir.resolve("synthea.log");
            List<String> command = List.of(script.toString(), String.valueOf(patients), partial.toString(),
                    String.valueOf(seed));
            if (Commands.run(command, layout.repoDir(), log, GENERATION_LIMIT) != 0) {
                throw new BenchException("Synthea failed; see " + log);
            }
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BenchException("cannot write the cohort " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private Optional<Path> syntheaScript() {
        return Stream.of(System.getenv("SYNTHEA_GENERATE"), layout.syntheaScript().toString())
                .filter(candidate -> candidate != null && !candidate.isEmpty()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    private static String help(Path dir, int patients, int seed) {
        return """
                No cohort at %s and no Synthea script to generate one (looked for $SYNTHEA_GENERATE and
                bench/synthea/generate.sh). To get an equivalent cohort:
                  1. get Synthea 3.3.0 (the synthetichealth/synthea project: its release jar, or the Maven artifact
                     org.mitre.synthea:synthea:3.3.0 with its runtime dependencies on the class path);
                  2. run it with: -s %d -cs %d -r 20250101 -p %d --exporter.fhir.export true
                     --exporter.fhir.transaction_bundle true --exporter.baseDirectory COHORT_DIR/
                     (with the jar: java -jar synthea-with-dependencies.jar <those arguments>);
                  3. pass --cohort COHORT_DIR to bench/run.sh.""".formatted(dir, seed, seed, patients);
    }
}
