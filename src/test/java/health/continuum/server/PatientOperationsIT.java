package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import health.continuum.support.CoordinationFixtures;
import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

class PatientOperationsIT extends FhirServerIT {

    @Test
    void everythingReturnsThePatientsCompartment() {
        String patient = createPatient(unique());
        String observation = create(SearchIT.observation(patient, "2024-06-01"));
        String coordinator = create(CoordinationFixtures.practitioner("Coordinator"));
        String careTeam = create(CoordinationFixtures.careTeam(patient, coordinator, coordinator));
        String goal = create(CoordinationFixtures.goal(patient));
        String carePlan = create(CoordinationFixtures.carePlan(patient, careTeam, goal));
        String stranger = createPatient(unique());
        create(SearchIT.observation(stranger, "2024-06-01"));

        JsonPath bundle = fhir().get("/" + patient + "/$everything").then().statusCode(200).extract().jsonPath();
        assertThat(SearchIT.references(bundle)).contains(patient, observation, carePlan, careTeam, goal)
                .doesNotContain(stranger);
    }

    @Test
    void validateAcceptsAValidResource() {
        fhir().body("""
                {"resourceType":"Patient","name":[{"family":"Valid"}],"gender":"female"}""")
                .post("/Patient/$validate").then()
                .statusCode(200)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.severity", org.hamcrest.Matchers.not(hasItem("error")));
    }

    @Test
    void validateReportsWhatIsWrongAndWhere() {
        fhir().body("""
                {"resourceType":"Patient","gender":"robot"}""")
                .post("/Patient/$validate").then()
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.severity", hasItem("error"))
                .body("issue.diagnostics.join(' ')", org.hamcrest.Matchers.containsString("robot"));
    }
}
