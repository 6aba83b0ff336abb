package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import health.continuum.support.FhirServerIT;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** create, read, vread, update, patch, history and delete, with ETag, Location and If-Match, per resource type. */
class ResourceLifecycleIT extends FhirServerIT {

    /**
     * @param template the resource with %1$s = patient reference and %2$s = a marker value that changes per version
     * @param markerPath JSON Patch path of the marker; the same path (dots) reads it back
     */
    record Case(String type, String template, String markerPath) {
        String json(String patient, String marker) {
            return template.formatted(patient, marker);
        }

        String jsonPath() {
            return markerPath.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
        }

        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Case> resourceTypes() {
        return Stream.of(
                new Case("Patient", """
                        {"resourceType":"Patient","name":[{"family":"%2$s"}],"gender":"male"}""", "/name/0/family"),
                new Case("Practitioner", """
                        {"resourceType":"Practitioner","name":[{"family":"%2$s"}]}""", "/name/0/family"),
                new Case("CarePlan", """
                        {"resourceType":"CarePlan","status":"active","intent":"plan",
                         "subject":{"reference":"%1$s"},"title":"%2$s"}""", "/title"),
                new Case("CareTeam", """
                        {"resourceType":"CareTeam","status":"active","subject":{"reference":"%1$s"},"name":"%2$s"}""",
                        "/name"),
                new Case("MedicationStatement", """
                        {"resourceType":"MedicationStatement","status":"active","subject":{"reference":"%1$s"},
                         "medicationCodeableConcept":{"text":"%2$s"}}""", "/medicationCodeableConcept/text"),
                new Case("Task", """
                        {"resourceType":"Task","status":"requested","intent":"order",
                         "for":{"reference":"%1$s"},"description":"%2$s"}""", "/description"),
                new Case("Encounter", """
                        {"resourceType":"Encounter","status":"in-progress",
                         "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                         "subject":{"reference":"%1$s"},"serviceType":{"text":"%2$s"}}""", "/serviceType/text"));
    }

    @ParameterizedTest
    @MethodSource("resourceTypes")
    void fullLifecycle(Case c) {
        String patient = createPatient(unique());

        Response created = fhir().body(c.json(patient, "v1")).post("/" + c.type());
        created.then()
                .statusCode(201)
                .header("ETag", "W/\"1\"")
                .header("Location", matchesPattern(".*/fhir/" + c.type() + "/[^/]+/_history/1$"));
        String id = created.jsonPath().getString("id");
        String url = "/" + c.type() + "/" + id;

        fhir().get(url).then().statusCode(200).header("ETag", "W/\"1\"").body(c.jsonPath(), equalTo("v1"));

        String v2 = withId(c.json(patient, "v2"), id);
        fhir().header("If-Match", "W/\"1\"").body(v2).put(url).then()
                .statusCode(200)
                .header("ETag", "W/\"2\"");

        fhir().header("If-Match", "W/\"1\"").body(withId(c.json(patient, "stale"), id)).put(url).then()
                .statusCode(412)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("If-Match"));

        fhir().contentType("application/json-patch+json")
                .body("[{\"op\":\"replace\",\"path\":\"" + c.markerPath() + "\",\"value\":\"v3\"}]")
                .patch(url).then()
                .statusCode(200)
                .header("ETag", "W/\"3\"");

        fhir().get(url).then().statusCode(200).body(c.jsonPath(), equalTo("v3")).body("meta.versionId", equalTo("3"));
        fhir().get(url + "/_history/1").then().statusCode(200).body(c.jsonPath(), equalTo("v1"));
        fhir().get(url + "/_history/2").then().statusCode(200).body(c.jsonPath(), equalTo("v2"));

        Response history = fhir().get(url + "/_history");
        history.then().statusCode(200).body("type", equalTo("history")).body("total", equalTo(3));
        assertThat(history.jsonPath().getList("entry.resource.meta.versionId")).containsExactly("3", "2", "1");

        fhir().delete(url).then().statusCode(200);
        fhir().get(url).then().statusCode(410).body("resourceType", equalTo("OperationOutcome"));
    }

    private static String withId(String json, String id) {
        return "{\"id\":\"" + id + "\"," + json.trim().substring(1);
    }
}
