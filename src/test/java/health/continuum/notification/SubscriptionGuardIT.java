package health.continuum.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.FhirServerIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subscriptions over HTTP: only to loopback and allowed hosts, by rest-hook, with criteria the server understands. */
class SubscriptionGuardIT extends FhirServerIT {

    @Test
    void aSubscriptionToALoopbackOrAnAllowedHostIsStored() {
        create(subscription(unique(), "Encounter?class=IMP&status=in-progress", "rest-hook",
                "http://localhost:9000/hooks/admission"));
        // The shared test server allows hooks.example.org (FhirServerIT)
        create(subscription(unique(), "Task?status=requested", "rest-hook", "https://hooks.example.org/fhir"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an internal address     | Encounter?status=in-progress | rest-hook | http://10.0.0.5/admin"
            + "                  | Subscription.channel.endpoint | is not one of them",
        "cloud metadata          | Encounter?status=in-progress | rest-hook | http://169.254.169.254/latest/meta-data/"
            + "                  | Subscription.channel.endpoint | is not one of them",
        "an allowed name as user | Encounter?status=in-progress | rest-hook | http://hooks.example.org@10.0.0.5/"
            + "                  | Subscription.channel.endpoint | may not carry credentials",
        "an unknown parameter    | Observation?shoe-size=44     | rest-hook | http://localhost:9000/hook"
            + "                  | Subscription.criteria         | shoe-size",
        "an unknown type         | Shoe?size=44                 | rest-hook | http://localhost:9000/hook"
            + "                  | Subscription.criteria         | is not a FHIR R4 resource type",
        "a malformed value       | Observation?date=notadate    | rest-hook | http://localhost:9000/hook"
            + "                  | Subscription.criteria         | not a search this server understands",
        "a websocket channel     | Encounter?status=in-progress | websocket | ws://localhost:9000/socket"
            + "                  | Subscription.channel.type     | rest-hook only"})
    void aSubscriptionTheServerCannotDeliverSafelyIsRefusedNamingTheElementAndNotStored(String name, String criteria,
            String channel, String endpoint, String expression, String message) {
        String marker = unique();

        fhir().body(subscription(marker, criteria, channel, endpoint)).post("/Subscription").then()
                .statusCode(422)
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].expression[0]", equalTo(expression))
                .body("issue[0].diagnostics", containsString(message));
        fhir().get("/Subscription?url=" + endpoint.strip()).then().statusCode(200)
                .body("entry.resource.reason.flatten()", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem("care team notification " + marker)));
    }

    @Test
    void aStoredSubscriptionCannotBeRedirectedToAnInternalHost() {
        String marker = unique();
        String stored = create(subscription(marker, "Task?status=requested", "rest-hook", "http://127.0.0.1:9000/h"));

        fhir().body(subscription(marker, "Task?status=requested", "rest-hook", "http://192.168.0.10/h")
                        .replaceFirst("\\{", "{\"id\":\"" + stored.split("/")[1] + "\","))
                .put("/" + stored).then().statusCode(422);
        fhir().get("/" + stored).then().statusCode(200).body("channel.endpoint", equalTo("http://127.0.0.1:9000/h"));
    }

    private static String subscription(String marker, String criteria, String channel, String endpoint) {
        return """
                {"resourceType":"Subscription","status":"requested","reason":"care team notification %s",
                 "criteria":"%s","channel":{"type":"%s","endpoint":"%s","payload":"application/fhir+json"}}"""
                .formatted(marker, criteria, channel, endpoint);
    }
}
