package health.continuum.workflow;

import static health.continuum.support.CoordinationFixtures.practitioner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.FhirServerIT;
import health.continuum.workflow.glue.ReferralSweep;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Closed-loop referrals to community organizations over HTTP, as the Gravity SDOH guide writes them. */
class ReferralIT extends FhirServerIT {

    private static final String FOLLOW_UP_CODE = "https://continuum.health/fhir/CodeSystem/task-type|referral-follow-up";

    @Autowired
    ReferralSweep sweep;

    @Test
    void theOrganizationWorksTheReferralAndTheCoordinatorSeesItUntilItIsDone() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Referrer"));
        String pantry = create("""
                {"resourceType":"Organization","name":"Community food pantry"}""");
        String request = create(serviceRequest(patient, coordinator));
        String referral = create(referral(patient, coordinator, pantry, request, "requested", Instant.now()));

        assertThat(worklist(coordinator)).containsExactly(referral);

        update(referral, referral(patient, coordinator, pantry, request, "accepted", Instant.now()));
        update(referral, referral(patient, coordinator, pantry, request, "in-progress", Instant.now()));
        assertThat(worklist(coordinator)).containsExactly(referral);
        update(referral, referral(patient, coordinator, pantry, request, "completed", Instant.now())
                .replaceFirst("}$", ",\"output\":[{\"type\":{\"text\":\"outcome\"},"
                        + "\"valueString\":\"Enrolled in weekly food deliveries\"}]}"));

        fhir().get("/" + referral).then().statusCode(200).body("status", equalTo("completed"))
                .body("output[0].valueString", equalTo("Enrolled in weekly food deliveries"));
        assertThat(worklist(coordinator)).isEmpty();
        fhir().get("/Task?focus=" + referral + "&_summary=count").then().body("total", equalTo(0));
    }

    @Test
    void aReferralNotAcceptedInTimeGetsOneFollowUpTaskForItsRequester() {
        String patient = createPatient(unique());
        String coordinator = create(practitioner("Waiting"));
        String pantry = create("""
                {"resourceType":"Organization","name":"Housing assistance"}""");
        String request = create(serviceRequest(patient, coordinator));
        Instant twoWeeksAgo = Instant.now().minus(14, ChronoUnit.DAYS);
        String waiting = create(referral(patient, coordinator, pantry, request, "requested", twoWeeksAgo));
        String accepted = create(referral(patient, coordinator, pantry, request, "accepted", twoWeeksAgo));
        String recent = create(referral(patient, coordinator, pantry, request, "requested", Instant.now()));

        assertThat(sweep.sweep(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(sweep.sweep(Instant.now())).as("a second sweep opens nothing again").isZero();

        JsonPath followUps = fhir().get("/Task?focus=" + waiting + "&code=" + FOLLOW_UP_CODE).then().statusCode(200)
                .extract().jsonPath();
        assertThat(followUps.getInt("total")).isEqualTo(1);
        assertThat(followUps.getString("entry[0].resource.owner.reference")).isEqualTo(coordinator);
        assertThat(followUps.getString("entry[0].resource.for.reference")).isEqualTo(patient);
        assertThat(followUps.getString("entry[0].resource.status")).isEqualTo("requested");
        assertThat(followUps.getString("entry[0].resource.description"))
                .startsWith("Referral " + waiting + " has not been accepted within 3 business days");
        for (String inTime : List.of(accepted, recent)) {
            fhir().get("/Task?focus=" + inTime + "&code=" + FOLLOW_UP_CODE + "&_summary=count").then()
                    .body("total", equalTo(0));
        }
        assertThat(worklist(coordinator)).contains("Task/" + followUps.getString("entry[0].resource.id"), waiting);
    }

    private static List<String> worklist(String practitioner) {
        return fhir().get("/" + practitioner + "/$worklist").then().statusCode(200).extract().jsonPath()
                .getList("entry.findAll { it.search.mode == 'match' }.resource.id", String.class).stream()
                .map(id -> "Task/" + id)
                .toList();
    }

    private static void update(String reference, String json) {
        fhir().body(json.replaceFirst("\\{", "{\"id\":\"" + reference.substring("Task/".length()) + "\","))
                .put("/" + reference).then().statusCode(200);
    }

    private static String serviceRequest(String patient, String requester) {
        return """
                {"resourceType":"ServiceRequest","status":"active","intent":"order",
                 "code":{"text":"Food pantry enrollment"},"subject":{"reference":"%s"},"requester":{"reference":"%s"}}"""
                .formatted(patient, requester);
    }

    private static String referral(String patient, String requester, String owner, String request, String status,
            Instant authoredOn) {
        return """
                {"resourceType":"Task","status":"%s","intent":"order",
                 "code":{"coding":[{"system":"http://hl7.org/fhir/CodeSystem/task-code","code":"fulfill"}]},
                 "focus":{"reference":"%s"},"for":{"reference":"%s"},"authoredOn":"%s",
                 "requester":{"reference":"%s"},"owner":{"reference":"%s"}}"""
                .formatted(status, request, patient, authoredOn.truncatedTo(ChronoUnit.SECONDS), requester, owner);
    }
}
