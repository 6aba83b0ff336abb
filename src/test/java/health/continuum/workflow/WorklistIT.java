package health.continuum.workflow;

import static health.continuum.support.CoordinationFixtures.careTeam;
import static health.continuum.support.CoordinationFixtures.goal;
import static health.continuum.support.CoordinationFixtures.practitioner;
import static health.continuum.support.CoordinationFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import health.continuum.canonical.Canonical;
import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** $worklist over HTTP: whose open Tasks it shows, in what order, with what flags, includes and pages. */
class WorklistIT extends FhirServerIT {

    private static final String OVERDUE_FLAGS = "entry.findAll { it.search.mode == 'match' }.collect { entry ->"
            + " entry.resource.extension.find { it.url == '" + Canonical.TASK_OVERDUE_EXTENSION + "' }.valueBoolean }";

    @Test
    void aPractitionersWorklistHoldsTheirOpenTasksAndTheirTeamsInWorkingOrderWithPatientsAndFocuses() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Worklist"));
        String colleague = create(practitioner("Colleague"));
        String team = create(careTeam(patient, coordinator, colleague));
        String goal = create(goal(patient));
        String overdue = create(task(patient, "follow-up-appointment", "in-progress", coordinator, "2020-01-15"));
        String routine = create(task(patient, "teach-back", "requested", coordinator, "2099-01-05"));
        String stat = create(withPriorityAndFocus(
                task(patient, "medication-reconciliation", "requested", coordinator, "2099-01-05"), "stat", goal));
        String teams = create(withoutDueDate(task(patient, "post-discharge-contact", "accepted", team, "2099-01-01")));
        create(task(patient, "follow-up-appointment", "completed", coordinator, "2020-01-10"));
        create(task(patient, "follow-up-appointment", "requested", colleague, "2020-01-10"));

        JsonPath worklist = fhir().get("/" + coordinator + "/$worklist").then().statusCode(200)
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset")).extract().jsonPath();

        assertThat(worklist.getInt("total")).isEqualTo(4);
        assertThat(matches(worklist)).containsExactly(overdue, stat, routine, teams);
        assertThat(worklist.getList(OVERDUE_FLAGS))
                .containsExactly(true, false, false, false);
        assertThat(worklist.getList("entry.findAll { it.search.mode == 'include' }.resource", Map.class))
                .extracting(resource -> resource.get("resourceType") + "/" + resource.get("id"))
                .containsExactlyInAnyOrder(patient, goal);
        // The flag is the worklist's, as of the read: the stored Task carries none
        fhir().get("/" + overdue).then().statusCode(200).body("extension", nullValue());
    }

    @Test
    void aCareTeamsWorklistHoldsOnlyTheTeamsOpenTasks() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Team"));
        String team = create(careTeam(patient, coordinator, create(practitioner("Pcp"))));
        String teamTask = create(task(patient, "teach-back", "requested", team, "2099-02-01"));
        create(task(patient, "teach-back", "requested", coordinator, "2099-02-01"));
        create(task(patient, "teach-back", "cancelled", team, "2099-02-01"));

        JsonPath worklist = fhir().get("/" + team + "/$worklist").then().statusCode(200).extract().jsonPath();

        assertThat(matches(worklist)).containsExactly(teamTask);
    }

    @Test
    void pagesFollowTheWorkingOrderWithNextAndPreviousLinks() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Pages"));
        List<String> tasks = List.of("2099-03-01", "2099-03-02", "2099-03-03").stream()
                .map(due -> create(task(patient, "teach-back", "requested", coordinator, due)))
                .toList();

        JsonPath first = fhir().get("/" + coordinator + "/$worklist?_count=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getInt("total")).isEqualTo(3);
        assertThat(matches(first)).containsExactlyElementsOf(tasks.subList(0, 2));
        String next = first.getString("link.find { it.relation == 'next' }.url");
        assertThat(next).endsWith(coordinator + "/$worklist?_count=2&_offset=2");

        JsonPath second = fhir().get("/" + coordinator + "/$worklist?_count=2&_offset=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(matches(second)).containsExactly(tasks.get(2));
        assertThat(second.getString("link.find { it.relation == 'next' }")).isNull();
        assertThat(second.getString("link.find { it.relation == 'previous' }.url")).endsWith("_count=2&_offset=0");
    }

    @Test
    void aTaskLeavesTheWorklistWhenItIsDone() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Done"));
        String task = create(task(patient, "teach-back", "in-progress", coordinator, "2099-04-01"));
        assertThat(matches(fhir().get("/" + coordinator + "/$worklist").then().extract().jsonPath()))
                .containsExactly(task);

        fhir().body(task(patient, "teach-back", "completed", coordinator, "2099-04-01")
                        .replaceFirst("\\{", "{\"id\":\"" + task.substring("Task/".length()) + "\","))
                .put("/" + task).then().statusCode(200);

        JsonPath worklist = fhir().get("/" + coordinator + "/$worklist").then().statusCode(200).extract().jsonPath();
        assertThat(worklist.getInt("total")).isZero();
    }

    @Test
    void anUnknownOwnerIsNotFoundAndANegativePageIsABadRequest() {
        fhir().get("/Practitioner/no-such-practitioner/$worklist").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        String coordinator = create(practitioner("Bad"));
        fhir().get("/" + coordinator + "/$worklist?_count=-1").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("_count must be 0 or more, not -1"));
    }

    private static List<String> matches(JsonPath bundle) {
        return bundle.getList("entry.findAll { it.search.mode == 'match' }.resource.id", String.class).stream()
                .map(id -> "Task/" + id)
                .toList();
    }

    private static String withPriorityAndFocus(String task, String priority, String focus) {
        return task.replaceFirst("\"intent\":\"order\",",
                "\"intent\":\"order\",\"priority\":\"%s\",\"focus\":{\"reference\":\"%s\"},".formatted(priority, focus));
    }

    private static String withoutDueDate(String task) {
        return task.replaceFirst(",\\s*\"restriction\":\\{\"period\":\\{\"end\":\"[^\"]+\"}}", "");
    }
}
