package health.continuum.support;

import static io.restassured.RestAssured.given;

import health.continuum.ContinuumApplication;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every HTTP integration test: one running server (one Spring context, shared by all subclasses),
 * spoken to over HTTP with RestAssured. Tests isolate themselves with unique identifiers, not a clean database.
 */
@SpringBootTest(
        classes = ContinuumApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"continuum.server.max-request-size=1MB",
            "continuum.server.cors.allowed-origins=https://app.example.org",
            "continuum.notification.allowed-hosts=hooks.example.org"})
@AutoConfigureObservability(tracing = false) // tests disable metrics export unless asked; we scrape them
@ExtendWith(DatabaseAvailableCondition.class)
public abstract class FhirServerIT {

    public static final String FHIR_JSON = "application/fhir+json";
    public static final String FHIR_XML = "application/fhir+xml";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::sharedUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    @BeforeEach
    void pointRestAssuredAtServer() {
        RestAssured.port = port;
        RestAssured.basePath = "/fhir";
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    protected static RequestSpecification fhir() {
        return given().contentType(FHIR_JSON).accept(FHIR_JSON);
    }

    /** POSTs a resource, asserts 201, and returns its "Type/id" reference. */
    protected static String create(String resourceJson) {
        Response response = fhir().body(resourceJson).post("/" + resourceType(resourceJson));
        response.then().statusCode(201);
        return response.jsonPath().getString("resourceType") + "/" + response.jsonPath().getString("id");
    }

    protected static String unique() {
        return UUID.randomUUID().toString();
    }

    /** A patient with a unique identifier in system urn:continuum:test. */
    protected static String createPatient(String identifier) {
        return create("""
                {"resourceType":"Patient","identifier":[{"system":"urn:continuum:test","value":"%s"}],
                 "name":[{"family":"Tester","given":["Pat"]}],"gender":"female","birthDate":"1950-02-03"}"""
                .formatted(identifier));
    }

    /**
     * What {@code $validate} finds wrong (issues of severity error or fatal) with the stored resource at {@code reference},
     * against {@code profile}, or against the base definition of its type when {@code profile} is null.
     */
    protected static List<String> validationErrors(String reference, String profile) {
        Response stored = fhir().get("/" + reference);
        stored.then().statusCode(200);
        RequestSpecification validate = fhir().body(stored.asString());
        if (profile != null) {
            validate.queryParam("profile", profile);
        }
        JsonPath outcome = validate.post("/" + reference.substring(0, reference.indexOf('/')) + "/$validate")
                .then().extract().jsonPath();
        if (!"OperationOutcome".equals(outcome.getString("resourceType"))) {
            throw new AssertionError("$validate of " + reference + " answered no OperationOutcome: " + outcome.prettify());
        }
        return outcome.<java.util.Map<String, Object>>getList("issue").stream()
                .filter(issue -> List.of("error", "fatal").contains(issue.get("severity")))
                .map(issue -> issue.get("diagnostics") + " at " + issue.get("expression"))
                .toList();
    }

    private static String resourceType(String json) {
        int key = json.indexOf("\"resourceType\"");
        int start = json.indexOf('"', json.indexOf(':', key) + 1) + 1;
        return json.substring(start, json.indexOf('"', start));
    }
}
