package health.continuum.bench.cohort;

import health.continuum.bench.BenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Synthea cohort: a directory of FHIR bundles. The hospitalInformation* and practitionerInformation* bundles are
 * loaded first, because the patient bundles reference their Organizations, Locations and Practitioners
 * conditionally.
 */
public record Cohort(Path dir, List<CohortBundle> shared, List<CohortBundle> patients) {

    /** Reads the bundles of a Synthea output directory or of its fhir/ directory. */
    public static Cohort read(Path dir) {
        Path bundles = Files.isDirectory(dir.resolve("fhir")) ? dir.resolve("fhir") : dir;
        List<Path> files = jsonFiles(bundles);
        List<CohortBundle> shared = Stream.concat(
                files.stream().filter(file -> named(file, "hospitalInformation")),
                files.stream().filter(file -> named(file, "practitionerInformation"))).map(CohortBundle::read).toList();
        List<CohortBundle> patients = files.stream().filter(file -> !isShared(file)).map(CohortBundle::read).toList();
        if (patients.isEmpty()) {
            throw new BenchException("no patient bundles (*.json) in " + bundles);
        }
        return new Cohort(bundles, shared, patients);
    }

    /** Entries in all bundles. */
    public long resources() {
        return Stream.concat(shared.stream(), patients.stream()).mapToLong(CohortBundle::entries).sum();
    }

    /** The patient with the most data, so $everything and the searches have something to walk. */
    public Optional<CohortBundle> largestPatient() {
        return patients.stream().filter(bundle -> bundle.patientIdentifier() != null)
                .max(Comparator.comparingInt(CohortBundle::entries));
    }

    private static boolean isShared(Path file) {
        return named(file, "hospitalInformation") || named(file, "practitionerInformation");
    }

    private static boolean named(Path file, String prefix) {
        return file.getFileName().toString().startsWith(prefix);
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new BenchException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
