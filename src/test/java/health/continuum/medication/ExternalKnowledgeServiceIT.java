package health.continuum.medication;

import static health.continuum.medication.MedicationFixtures.medicationRequest;
import static health.continuum.support.CoordinationFixtures.medicationStatement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import health.continuum.medication.glue.CurrentMedications;
import health.continuum.medication.glue.ExternalKnowledgeService;
import health.continuum.medication.glue.MedicationCheckInterceptor;
import health.continuum.medication.glue.MedicationFindings;
import health.continuum.medication.glue.MedicationProperties;
import health.continuum.medication.glue.MedicationProperties.ExternalService;
import health.continuum.medication.glue.MedicationRecords;
import health.continuum.medication.glue.PatientContextReader;
import health.continuum.medication.glue.SystemWrites;
import health.continuum.server.WriteTransaction;
import health.continuum.support.FhirServerIT;
import health.continuum.support.SwappedInterceptor;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A site's own knowledge service, a small CDS Hooks service started by the test: its cards become DetectedIssues with
 * their source, and when it fails or is too slow the order is stored with "external check unavailable".
 */
class ExternalKnowledgeServiceIT extends FhirServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final String CARDS = """
            {"cards":[{"summary":"Warfarin with ibuprofen: bleeding risk","indicator":"critical",
              "detail":"Consider acetaminophen.","source":{"label":"Site Drug Knowledge","url":"https://kb.example"}}]}""";

    @Autowired RestfulServer server;
    @Autowired MedicationCheckInterceptor configuredChecks;
    @Autowired MedicationProperties properties;
    @Autowired InteractionChecker checker;
    @Autowired CurrentMedications current;
    @Autowired PatientContextReader patients;
    @Autowired MedicationRecords records;
    @Autowired SystemWrites writes;
    @Autowired FhirContext fhirContext;
    @Autowired WriteTransaction writeTransaction;

    private final Queue<JsonNode> received = new ConcurrentLinkedQueue<>();
    private volatile int status = 200;
    private volatile String answer = CARDS;
    private volatile long delayMillis;
    private HttpServer service;
    private SwappedInterceptor swapped;

    @BeforeEach
    void startTheServiceAndAskIt() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/cds-services/site-medication-check", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody()));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        service.start();
        URI url = URI.create("http://127.0.0.1:" + service.getAddress().getPort() + "/cds-services/site-medication-check");
        ExternalKnowledgeService external =
                new ExternalKnowledgeService(new ExternalService(url, "order-sign", TIMEOUT), fhirContext);
        swapped = SwappedInterceptor.swap(server, configuredChecks, new MedicationCheckInterceptor(properties,
                new MedicationFindings(checker, current, patients, external), records, writes, fhirContext,
                writeTransaction));
    }

    @AfterEach
    void stop() {
        swapped.close();
        service.stop(0);
    }

    @Test
    void theServicesCardsBecomeDetectedIssuesWithTheirSource() {
        String patient = createPatient(unique());
        String warfarin = create(medicationStatement(patient, "11289", "warfarin"));

        String order = create(medicationRequest(patient, "5640", "ibuprofen", "active", "400 mg"));

        JsonNode request = received.stream().filter(sent -> sent.path("context").path("patientId").asText()
                .equals(patient.substring("Patient/".length()))).findFirst().orElseThrow();
        assertThat(request.path("hook").asText()).isEqualTo("order-sign");
        assertThat(request.path("context").path("draftOrders").path("entry").get(0).path("resource").path("id").asText())
                .isEqualTo(order.substring("MedicationRequest/".length()));
        assertThat(request.path("prefetch").path("medications").path("entry").get(0).path("resource").path("id").asText())
                .isEqualTo(warfarin.substring("MedicationStatement/".length()));
        JsonPath issues = fhir().get("/DetectedIssue?patient=" + patient).then().statusCode(200).extract().jsonPath();
        String card = "entry.find { it.resource.detail.startsWith('Warfarin with ibuprofen') }.resource";
        assertThat(issues.getString(card + ".detail"))
                .isEqualTo("Warfarin with ibuprofen: bleeding risk: Consider acetaminophen. Source: Site Drug Knowledge"
                        + " (https://kb.example)");
        assertThat(issues.getString(card + ".severity")).isEqualTo("high");
        assertThat(issues.getList(card + ".implicated.reference", String.class)).containsExactly(order);
    }

    @Test
    void aServiceTooSlowToAnswerLeavesTheOrderStoredAndSaysSo() {
        delayMillis = TIMEOUT.toMillis() * 3;
        String patient = createPatient(unique());

        fhir().header("Prefer", "return=OperationOutcome")
                .body(medicationRequest(patient, "5640", "ibuprofen", "active", "400 mg")).post("/MedicationRequest")
                .then().statusCode(201)
                .body("issue.diagnostics.flatten().toString()", containsString("external check unavailable"))
                .body("issue.diagnostics.flatten().toString()", containsString("gave no answer within 800 ms"));
        assertUnavailableRecorded(patient, "gave no answer within 800 ms");
    }

    @Test
    void aServiceThatFailsLeavesTheOrderStoredAndSaysSo() {
        status = 500;
        answer = "{\"error\":\"down\"}";
        String patient = createPatient(unique());

        create(medicationRequest(patient, "5640", "ibuprofen", "active", "400 mg"));

        assertUnavailableRecorded(patient, "answered HTTP 500");
    }

    @Test
    void anAnswerThatIsNoCardsIsAFailureToo() {
        answer = "<html>maintenance</html>";
        String patient = createPatient(unique());

        create(medicationRequest(patient, "5640", "ibuprofen", "active", "400 mg"));

        assertUnavailableRecorded(patient, "answered something other than CDS Hooks cards");
    }

    private static void assertUnavailableRecorded(String patient, String why) {
        JsonPath issues = fhir().get("/DetectedIssue?patient=" + patient).then().statusCode(200).extract().jsonPath();
        assertThat(issues.getInt("total")).isEqualTo(1);
        assertThat(issues.getString("entry[0].resource.code.text")).isEqualTo("External check unavailable");
        assertThat(issues.getString("entry[0].resource.detail")).contains("external check unavailable", why,
                "was checked by Continuum's own knowledge base only");
        assertThat(issues.getString("entry[0].resource.severity")).isEqualTo("low");
    }
}
