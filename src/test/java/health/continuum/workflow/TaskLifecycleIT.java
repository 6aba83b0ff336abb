package health.continuum.workflow;

import static health.continuum.support.CoordinationFixtures.practitioner;
import static health.continuum.support.CoordinationFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import health.continuum.support.FhirServerIT;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The Task lifecycle over HTTP: each status change a client makes is held to the table, inside transactions too. */
class TaskLifecycleIT extends FhirServerIT {

    @Test
    void aTaskMovesOnlyAlongTheTableAndAnIllegalStepNamesTheAllowedOnes() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Lifecycle"));
        String task = create(task(patient, "follow-up-appointment", "requested", coordinator, "2025-04-30"));

        put(task, patient, coordinator, "in-progress").then().statusCode(422)
                .body("issue[0].diagnostics", equalTo("Task status cannot change from requested to in-progress;"
                        + " allowed next: accepted, rejected, cancelled, entered-in-error"))
                .body("issue[0].expression[0]", equalTo("Task.status"));
        fhir().get("/" + task).then().statusCode(200).body("status", equalTo("requested")).body("meta.versionId", equalTo("1"));

        put(task, patient, coordinator, "accepted").then().statusCode(200);
        put(task, patient, coordinator, "in-progress").then().statusCode(200).body("executionPeriod.end", nullValue());
        put(task, patient, coordinator, "completed").then().statusCode(200).body("executionPeriod.end", notNullValue());

        put(task, patient, coordinator, "requested").then().statusCode(422)
                .body("issue[0].diagnostics", equalTo("Task status cannot change from completed to requested;"
                        + " allowed next: entered-in-error"));
        put(task, patient, coordinator, "entered-in-error").then().statusCode(200);
    }

    @Test
    void aTaskInProgressNeedsAnOwner() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Owner"));
        String task = create(task(patient, "follow-up-appointment", "accepted", coordinator, "2025-04-30"));

        fhir().body(withId(task(patient, "follow-up-appointment", "in-progress", coordinator, "2025-04-30"), task)
                        .replaceFirst(",\"owner\":\\{\"reference\":\"[^\"]+\"}", ""))
                .put("/" + task).then().statusCode(422)
                .body("issue[0].diagnostics", equalTo("A Task in progress needs an owner (Task.owner): who is doing it"))
                .body("issue[0].expression[0]", equalTo("Task.owner"));
        fhir().get("/" + task).then().body("status", equalTo("accepted"));
    }

    @Test
    void anIllegalStepInATransactionStoresNothingOfIt() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Bundle"));
        String task = create(task(patient, "follow-up-appointment", "requested", coordinator, "2025-04-30"));
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"resource":%s,"request":{"method":"POST","url":"Task"}},
                 {"resource":%s,"request":{"method":"PUT","url":"%s"}}]}"""
                .formatted(task(patient, "teach-back", "requested", coordinator, "2025-05-02"),
                        withId(task(patient, "follow-up-appointment", "completed", coordinator, "2025-04-30"), task), task);

        fhir().body(bundle).post("/").then().statusCode(422);

        fhir().get("/" + task).then().body("status", equalTo("requested"));
        assertThat(fhir().get("/Task?patient=" + patient + "&code=teach-back").then().extract().jsonPath().getInt("total"))
                .as("the bundle's new Task").isZero();
    }

    private static Response put(String task, String patient, String owner, String status) {
        return fhir().body(withId(task(patient, "follow-up-appointment", status, owner, "2025-04-30"), task))
                .put("/" + task);
    }

    private static String withId(String json, String reference) {
        return json.replaceFirst("\\{\"resourceType\":\"Task\",",
                "{\"resourceType\":\"Task\",\"id\":\"" + reference.substring("Task/".length()) + "\",");
    }
}
