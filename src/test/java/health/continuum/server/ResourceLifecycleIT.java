package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import health.continuum.support.CoordinationFixtures;
import health.continuum.support.FhirServerIT;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** create, read, vread, update, patch, history and delete, with ETag, Location and If-Match, per resource type. */
class ResourceLifecycleIT extends FhirServerIT {

    /**
     * @param template the resource, conformant to its Continuum profile, with %1$s = patient, %2$s = a marker value
     *     that changes per version, %3$s = care team, %4$s = goal, %5$s = practitioner
     * @param markerPath JSON Patch path of the marker; the same path (dots) reads it back
     */
    record Case(String type, String template, String markerPath) {
        String json(Context context, String marker) {
            return template.formatted(context.patient, marker, context.careTeam, context.goal, context.practitioner);
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
                        {"resourceType":"CarePlan","status":"active","intent":"plan","title":"%2$s",
                         "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category",
                           "code":"assess-plan"}]}],
                         "subject":{"reference":"%1$s"},"period":{"start":"2025-01-10"},
                         "careTeam":[{"reference":"%3$s"}],"goal":[{"reference":"%4$s"}]}""", "/title"),
                new Case("CareTeam", """
                        {"resourceType":"CareTeam","status":"active","subject":{"reference":"%1$s"},"name":"%2$s",
                         "participant":[{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"768832004"}]}],
                           "member":{"reference":"%5$s"}}]}""", "/name"),
                new Case("MedicationStatement", """
                        {"resourceType":"MedicationStatement","status":"active","subject":{"reference":"%1$s"},
                         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
                           "code":"6809","display":"metformin"}],"text":"%2$s"},
                         "effectiveDateTime":"2025-01-10","dateAsserted":"2025-01-10",
                         "informationSource":{"reference":"%1$s"},"dosage":[{"text":"500 mg twice daily"}]}""",
                        "/medicationCodeableConcept/text"),
                new Case("Task", """
                        {"resourceType":"Task","status":"requested","intent":"order","description":"%2$s",
                         "code":{"coding":[{"system":"https://continuum.health/fhir/CodeSystem/task-type",
                           "code":"post-discharge-contact"}]},
                         "for":{"reference":"%1$s"},"authoredOn":"2025-01-10T09:00:00Z",
                         "owner":{"reference":"%5$s"},"restriction":{"period":{"end":"2025-01-14"}}}""",
                        "/description"),
                new Case("Encounter", """
                        {"resourceType":"Encounter","status":"in-progress",
                         "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                         "subject":{"reference":"%1$s"},"serviceType":{"text":"%2$s"}}""", "/serviceType/text"));
    }

    /** The resources a profiled care plan or care team points at. */
    record Context(String patient, String practitioner, String careTeam, String goal) {
        static Context create() {
            String patient = createPatient(unique());
            String coordinator = FhirServerIT.create(CoordinationFixtures.practitioner("Coordinator"));
            String pcp = FhirServerIT.create(CoordinationFixtures.practitioner("Primary"));
            String careTeam = FhirServerIT.create(CoordinationFixtures.careTeam(patient, coordinator, pcp));
            String goal = FhirServerIT.create(CoordinationFixtures.goal(patient));
            return new Context(patient, coordinator, careTeam, goal);
        }
    }

    @ParameterizedTest
    @MethodSource("resourceTypes")
    void fullLifecycle(Case c) {
        Context context = Context.create();

        Response created = fhir().body(c.json(context, "v1")).post("/" + c.type());
        created.then()
                .statusCode(201)
                .header("ETag", "W/\"1\"")
                .header("Location", matchesPattern(".*/fhir/" + c.type() + "/[^/]+/_history/1$"));
        String id = created.jsonPath().getString("id");
        String url = "/" + c.type() + "/" + id;

        fhir().get(url).then().statusCode(200).header("ETag", "W/\"1\"").body(c.jsonPath(), equalTo("v1"));

        String v2 = withId(c.json(context, "v2"), id);
        fhir().header("If-Match", "W/\"1\"").body(v2).put(url).then()
                .statusCode(200)
                .header("ETag", "W/\"2\"");

        fhir().header("If-Match", "W/\"1\"").body(withId(c.json(context, "stale"), id)).put(url).then()
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
