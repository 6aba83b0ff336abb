package health.continuum.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.CoordinationFixtures;
import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A real Synthea patient record (src/test/resources/synthea), loaded as an EHR pushes it, into the default
 * configuration: every entry is stored, and its care team without a coordinator becomes a coordination Task.
 */
class SyntheaIngestIT extends FhirServerIT {

    // Synthea's identifier of the patient (Patient.identifier with the synthea system), as the bundle carries it
    private static final String PATIENT_IDENTIFIER = "https://github.com/synthetichealth/synthea|a0b63e97-b6fd-5fe1-8f2d-2bec915efa97";

    @Test
    void aSyntheaPatientBundleIsStoredWholeWithItsGapsFlagged() {
        for (String organizations : List.of("hospital-information", "practitioner-information")) {
            fhir().body(bundle(organizations)).post("/").then().statusCode(200);
        }
        String patientBundle = bundle("patient-luther");
        int entries = JsonPath.from(patientBundle).getList("entry").size();

        JsonPath response = fhir().body(patientBundle).post("/").then().statusCode(200).extract().jsonPath();

        List<String> statuses = response.getList("entry.response.status");
        assertThat(statuses).hasSize(entries).allMatch(status -> status.startsWith("201"));
        JsonPath patients = fhir().get("/Patient?identifier=" + PATIENT_IDENTIFIER).then()
                .body("total", equalTo(1)).extract().jsonPath();
        String patient = "Patient/" + patients.getString("entry[0].resource.id");
        fhir().get("/Encounter?patient=" + patient + "&_summary=count").then().body("total", equalTo(18));
        fhir().get("/CareTeam?patient=" + patient + "&_summary=count").then().body("total", equalTo(2));
        // One active care team (no coordinator) and one active care plan (no goal): one Task each; the inactive
        // care team and the completed care plan open none
        fhir().get("/Task?patient=" + patient + "&code=" + CoordinationFixtures.TASK_TYPE + "|assign-care-coordinator")
                .then().body("total", equalTo(1)).body("entry[0].resource.status", equalTo("requested"));
        fhir().get("/Task?patient=" + patient + "&code=" + CoordinationFixtures.TASK_TYPE + "|resolve-coordination-gap")
                .then().body("total", equalTo(1));
    }

    private static String bundle(String name) {
        try (InputStream compressed = SyntheaIngestIT.class.getResourceAsStream("/synthea/" + name + ".json.gz");
             InputStream json = new GZIPInputStream(compressed)) {
            return new String(json.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
