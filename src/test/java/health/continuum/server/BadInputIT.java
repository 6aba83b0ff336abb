package health.continuum.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.FhirServerIT;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile or broken requests get a 4xx with an OperationOutcome saying what is wrong, and store nothing. */
class BadInputIT extends FhirServerIT {

    @Test
    void malformedJsonIs400NamingTheParseError() {
        fhir().body("{\"resourceType\":\"Patient\",\"name\":[").post("/Patient").then()
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].diagnostics", containsString("Failed to parse"));
    }

    @Test
    void malformedXmlIs400NamingTheParseError() {
        given().contentType(FHIR_XML).accept(FHIR_JSON)
                .body("<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"x\"/></Patient>")
                .post("/Patient").then()
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("Failed to parse"));
    }

    @Test
    void unknownResourceTypeIs404() {
        fhir().get("/CarePlanz/1").then()
                .statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("Unknown resource type 'CarePlanz'"));
    }

    @Test
    void externalEntityIsRejectedUnresolvedAndNothingStored() {
        String marker = "xxe" + unique().substring(0, 8);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Patient [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Patient xmlns="http://hl7.org/fhir">
                  <identifier><system value="urn:continuum:test"/><value value="%s"/></identifier>
                  <name><family value="&secret;"/></name>
                </Patient>""".formatted(marker);
        given().contentType(FHIR_XML).accept(FHIR_JSON).body(xml).post("/Patient").then()
                .statusCode(400)
                .body("issue[0].diagnostics", containsString("DOCTYPE"))
                .body(org.hamcrest.Matchers.not(containsString("root:")));
        fhir().get("/Patient?identifier=urn:continuum:test|" + marker).then().body("total", equalTo(0));
    }

    @Test
    void billionLaughsIsRejectedWithoutExpansion() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        String marker = "lol" + unique().substring(0, 8);
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [" + entities + "]>"
                + "<Patient xmlns=\"http://hl7.org/fhir\"><identifier><system value=\"urn:continuum:test\"/>"
                + "<value value=\"" + marker + "\"/></identifier><name><family value=\"&lol9;\"/></name></Patient>";
        given().contentType(FHIR_XML).accept(FHIR_JSON).body(xml).post("/Patient").then()
                .statusCode(400)
                .body("issue[0].diagnostics", containsString("DOCTYPE"))
                .body(org.hamcrest.Matchers.not(containsString("lollol")));
        fhir().get("/Patient?identifier=urn:continuum:test|" + marker).then().body("total", equalTo(0));
    }

    @Test
    void bodyOverTheLimitIs413() {
        // The test server's limit is 1 MB (FhirServerIT); the default is 64 MB.
        fhir().body(patientOfSize(1_500_000)).post("/Patient").then()
                .statusCode(413)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("exceeds the limit"));
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        byte[] body = patientOfSize(1_500_000).getBytes(StandardCharsets.UTF_8);
        fhir().body(new ByteArrayInputStream(body)).post("/Patient").then()
                .statusCode(413)
                .body("issue[0].diagnostics", containsString("exceeds the limit"));
    }

    @Test
    void bodyUnderTheLimitIsAccepted() {
        fhir().body(patientOfSize(500_000)).post("/Patient").then().statusCode(201);
    }

    @Test
    void unsupportedContentTypeIs415() {
        given().contentType("text/plain").accept(FHIR_JSON).body("resourceType=Patient").post("/Patient").then()
                .statusCode(415)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("Unsupported Content-Type 'text/plain"));
    }

    @Test
    void referenceToAMissingResourceIsRejected() {
        String marker = unique();
        fhir().body("""
                {"resourceType":"Observation","status":"final","code":{"text":"HR"},
                 "identifier":[{"system":"urn:continuum:test","value":"%s"}],
                 "subject":{"reference":"Patient/missing-%s"}}""".formatted(marker, marker))
                .post("/Observation").then()
                .statusCode(400)
                .body("issue[0].diagnostics", containsString("Patient/missing-" + marker + " not found"));
        fhir().get("/Observation?identifier=urn:continuum:test|" + marker).then().body("total", equalTo(0));
    }

    private static String patientOfSize(int bytes) {
        String filler = "x".repeat(bytes);
        return "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":"
                + "\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">" + filler + "</div>\"}}";
    }
}
