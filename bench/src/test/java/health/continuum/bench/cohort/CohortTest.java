package health.continuum.bench.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.continuum.bench.BenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortTest {

    @TempDir
    Path dir;

    private void bundle(Path file, int entries, String patientValue) throws IOException {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"entry\":[");
        for (int i = 0; i < entries; i++) {
            String resource = i == 0 && patientValue != null
                    ? "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:s\",\"value\":\"" + patientValue
                            + "\"}]}"
                    : "{\"resourceType\":\"Observation\"}";
            json.append(i == 0 ? "" : ",").append("{\"resource\":").append(resource).append('}');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.append("]}").toString());
    }

    @Test
    void sharedBundlesComeFirstHospitalsBeforePractitioners() throws IOException {
        Path fhir = dir.resolve("fhir");
        bundle(fhir.resolve("practitionerInformation1.json"), 3, null);
        bundle(fhir.resolve("hospitalInformation1.json"), 2, null);
        bundle(fhir.resolve("Bob_Jones_2.json"), 5, "bob");
        bundle(fhir.resolve("Alice_Smith_1.json"), 7, "alice");
        Files.writeString(fhir.resolve("notes.txt"), "not a bundle");

        Cohort cohort = Cohort.read(dir);

        assertEquals(fhir, cohort.dir());
        assertEquals(List.of("hospitalInformation1.json", "practitionerInformation1.json"),
                cohort.shared().stream().map(bundle -> bundle.file().getFileName().toString()).toList());
        assertEquals(List.of("Alice_Smith_1.json", "Bob_Jones_2.json"),
                cohort.patients().stream().map(bundle -> bundle.file().getFileName().toString()).toList());
        assertEquals(17, cohort.resources());
        assertEquals("urn:s|alice", cohort.largestPatient().orElseThrow().patientIdentifier());
    }

    @Test
    void theLargestPatientIsTheFirstOfEqualSize() throws IOException {
        bundle(dir.resolve("A.json"), 4, "a");
        bundle(dir.resolve("B.json"), 4, "b");
        bundle(dir.resolve("C.json"), 9, null);
        assertEquals("urn:s|a", Cohort.read(dir).largestPatient().orElseThrow().patientIdentifier());
    }

    @Test
    void aCohortNeedsPatientBundles() throws IOException {
        bundle(dir.resolve("hospitalInformation1.json"), 2, null);
        BenchException e = assertThrows(BenchException.class, () -> Cohort.read(dir));
        assertEquals("no patient bundles (*.json) in " + dir, e.getMessage());
    }
}
