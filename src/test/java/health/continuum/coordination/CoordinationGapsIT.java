package health.continuum.coordination;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.support.CoordinationFixtures;
import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accept and flag (coordination-rules flag, the default): EHR records are stored, their gaps become Tasks. */
class CoordinationGapsIT extends FhirServerIT {

    private static final String TASK_PROFILE = "https://continuum.health/fhir/StructureDefinition/continuum-task";
    private static final String CARE_TEAM_PROFILE = "https://continuum.health/fhir/StructureDefinition/continuum-careteam";
    private static final String ASSIGN_COORDINATOR = CoordinationFixtures.TASK_TYPE + "|assign-care-coordinator";
    private static final String RESOLVE_GAP = CoordinationFixtures.TASK_TYPE + "|resolve-coordination-gap";

    /** An EHR's care team: a primary care provider, no care coordinator, no Continuum profile claimed. */
    private static String teamWithoutCoordinator(String patient, String pcp, String meta) {
        return """
                {"resourceType":"CareTeam",%s"status":"active","subject":{"reference":"%s"},"participant":[
                  {"role":[{"coding":[{"system":"%s","code":"%s"}]}],"member":{"reference":"%s"}}]}"""
                .formatted(meta, patient, CoordinationFixtures.SNOMED, CoordinationFixtures.PRIMARY_CARE_PROVIDER, pcp);
    }

    private static Response postWithOutcome(String path, String body) {
        return fhir().header("Prefer", "return=OperationOutcome").body(body).post(path);
    }

    @Test
    void aCareTeamWithoutCoordinatorIsStoredAndOpensOneTaskForThePatientClosedWhenFixed() {
        String patient = createPatient(unique());
        String pcp = create(CoordinationFixtures.practitioner("Primary"));

        Response first = postWithOutcome("/CareTeam", teamWithoutCoordinator(patient, pcp, ""));
        first.then().statusCode(201)
                .body("issue.findAll { it.severity == 'warning' }.diagnostics",
                        hasItem(containsString("A care team needs a care coordinator")))
                .body("issue.findAll { it.severity == 'information' }.diagnostics",
                        hasItem(containsString("(assign-care-coordinator)")));
        String team = "CareTeam/" + idFrom(first);
        fhir().get("/" + team).then().statusCode(200).body("status", equalTo("active"));

        // A second team without a coordinator: still one Task for the patient
        postWithOutcome("/CareTeam", teamWithoutCoordinator(patient, pcp, "")).then().statusCode(201)
                .body("issue.diagnostics", not(hasItem(containsString("Opened coordination"))));
        JsonPath tasks = fhir().get("/Task?patient=" + patient + "&code=" + ASSIGN_COORDINATOR).then()
                .statusCode(200).body("total", equalTo(1)).extract().jsonPath();
        assertThat(tasks.getString("entry[0].resource.status")).isEqualTo("requested");
        assertThat(tasks.getString("entry[0].resource.focus.reference")).isEqualTo(team);
        String task = "Task/" + tasks.getString("entry[0].resource.id");
        assertThat(validationErrors(task, TASK_PROFILE)).isEmpty();

        String coordinator = create(CoordinationFixtures.practitioner("Coordinator"));
        String fixed = CoordinationFixtures.careTeam(patient, coordinator, pcp)
                .replaceFirst("\\{", "{\"id\":\"" + team.substring("CareTeam/".length()) + "\",");
        fhir().header("Prefer", "return=OperationOutcome").body(fixed).put("/" + team).then().statusCode(200)
                .body("issue.diagnostics", hasItem(containsString("Completed coordination " + task)));
        fhir().get("/" + task).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("statusReason.text", equalTo(team + " has a care coordinator"));
    }

    @Test
    void aCareTeamClaimingTheContinuumProfileIsStillHeldToIt() {
        String patient = createPatient(unique());
        String pcp = create(CoordinationFixtures.practitioner("Primary"));

        fhir().body(teamWithoutCoordinator(patient, pcp, "\"meta\":{\"profile\":[\"" + CARE_TEAM_PROFILE + "\"]},"))
                .post("/CareTeam").then().statusCode(422)
                .body("issue.diagnostics", hasItem(containsString("A care team needs a care coordinator")));
        fhir().get("/CareTeam?patient=" + patient).then().body("total", equalTo(0));
        fhir().get("/Task?patient=" + patient).then().body("total", equalTo(0));
    }

    @Test
    void aBaseR4ErrorIsStillRefusedAndStoresNothing() {
        String patient = createPatient(unique());
        String pcp = create(CoordinationFixtures.practitioner("Primary"));
        // CareTeam.subject is Reference(Patient | Group) in R4
        String subjectIsAPractitioner = teamWithoutCoordinator(pcp, pcp, "");

        fhir().body(subjectIsAPractitioner).post("/CareTeam").then().statusCode(422)
                .body("issue.expression.flatten()", hasItem("CareTeam.subject"));
        fhir().get("/CareTeam?participant=" + pcp).then().body("total", equalTo(0));
        fhir().get("/Task?patient=" + patient).then().body("total", equalTo(0));
    }

    @Test
    void aTransactionWithOneBaseErrorStoresNoneOfItsFlaggedRecordsOrTasks() {
        String patient = createPatient(unique());
        String pcp = create(CoordinationFixtures.practitioner("Primary"));
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"resource":%s,"request":{"method":"POST","url":"CareTeam"}},
                  {"resource":%s,"request":{"method":"POST","url":"CareTeam"}}]}"""
                .formatted(teamWithoutCoordinator(patient, pcp, ""), teamWithoutCoordinator(pcp, pcp, ""));

        fhir().body(bundle).post("/").then().statusCode(422);
        fhir().get("/CareTeam?patient=" + patient).then().body("total", equalTo(0));
        fhir().get("/Task?patient=" + patient).then().body("total", equalTo(0));
    }

    @Test
    void aCarePlanWithoutGoalOpensAGapTaskThatIsCompletedWhenFixedAndDeletedWithThePlan() {
        String patient = createPatient(unique());
        String bare = """
                {"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"%s"}}"""
                .formatted(patient);

        Response created = postWithOutcome("/CarePlan", bare);
        created.then().statusCode(201)
                .body("issue.diagnostics", hasItem(containsString("CarePlan.goal: minimum required = 1")));
        String plan = "CarePlan/" + idFrom(created);
        JsonPath gaps = fhir().get("/Task?focus=" + plan + "&code=" + RESOLVE_GAP).then()
                .body("total", equalTo(1)).extract().jsonPath();
        String task = "Task/" + gaps.getString("entry[0].resource.id");
        assertThat(gaps.getString("entry[0].resource.description")).contains(plan).contains("CarePlan.goal");
        assertThat(gaps.getString("entry[0].resource.for.reference")).isEqualTo(patient);
        assertThat(validationErrors(task, TASK_PROFILE)).isEmpty();

        String coordinator = create(CoordinationFixtures.practitioner("Coordinator"));
        String team = create(CoordinationFixtures.careTeam(patient, coordinator, coordinator));
        String goal = create(CoordinationFixtures.goal(patient));
        String fixed = CoordinationFixtures.carePlan(patient, team, goal)
                .replaceFirst("\\{", "{\"id\":\"" + plan.substring("CarePlan/".length()) + "\",");
        fhir().body(fixed).put("/" + plan).then().statusCode(200);
        fhir().get("/" + task).then().body("status", equalTo("completed"));

        // The gap Task refers to the plan; deleting the plan takes the Task with it instead of a 409
        fhir().delete("/" + plan).then().statusCode(200);
        fhir().get("/" + task).then().statusCode(410);
    }

    private static String idFrom(Response created) {
        String location = created.getHeader("Location");
        List<String> parts = List.of(location.split("/"));
        return parts.get(parts.indexOf("_history") - 1);
    }
}
