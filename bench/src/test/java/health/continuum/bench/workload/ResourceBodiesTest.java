package health.continuum.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import health.continuum.bench.fhir.FhirClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResourceBodiesTest {

    private static JsonNode json(String text) throws IOException {
        return FhirClient.JSON.readTree(text);
    }

    @Test
    void everyBodyIsJsonOfItsResourceType() throws IOException {
        assertEquals("CareTeam", json(ResourceBodies.careTeam("Patient/1", "Practitioner/2")).path("resourceType").asText());
        assertEquals("Goal", json(ResourceBodies.goal("Patient/1")).path("resourceType").asText());
        JsonNode carePlan = json(ResourceBodies.carePlan("Patient/1", "3", "4"));
        assertEquals("CareTeam/3", carePlan.path("careTeam").path(0).path("reference").asText());
        assertEquals("Goal/4", carePlan.path("goal").path(0).path("reference").asText());
        JsonNode task = json(ResourceBodies.task(7, "requested", "08", "Patient/1", "Practitioner/2"));
        assertEquals("Follow-up 7", task.path("description").asText());
        assertEquals("2025-02-08T17:00:00Z", task.path("restriction").path("period").path("end").asText());
        JsonNode stay = json(ResourceBodies.finishedInpatientStay("Patient/1"));
        assertEquals("IMP", stay.path("class").path("code").asText());
    }

    @Test
    void aMedicationStatementNamesItsIngredientAndDosage() throws IOException {
        JsonNode statement = json(ResourceBodies.withId(
                ResourceBodies.medicationStatement("active", "Patient/1", "9997", "spironolactone", "25 mg"), "m1"));
        assertEquals("m1", statement.path("id").asText());
        assertEquals("active", statement.path("status").asText());
        assertEquals("9997", statement.path("medicationCodeableConcept").path("coding").path(0).path("code").asText());
        assertEquals("25 mg", statement.path("dosage").path(0).path("text").asText());
    }
}
