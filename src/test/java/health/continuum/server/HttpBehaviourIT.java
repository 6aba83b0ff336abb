package health.continuum.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import health.continuum.support.FhirServerIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CORS for browser apps, request ids, and 400 for searches the server cannot run as asked. */
class HttpBehaviourIT extends FhirServerIT {

    private static final String APP = "https://app.example.org";

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithTheFhirHeaders() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,prefer")
                .options("/Patient/1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("if-match"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("prefer"));
    }

    @Test
    void aBrowserAppReadsLocationAndETagOfWhatItCreated() {
        fhir().header("Origin", APP)
                .body("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Browser\"}]}")
                .post("/Patient")
                .then().statusCode(201)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Content-Location"));
    }

    @Test
    void anOriginNotAllowedGetsNoCorsHeaders() {
        given().header("Origin", "https://elsewhere.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options("/Patient")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theClientsRequestIdIsKept() {
        fhir().header("X-Request-Id", "client-chosen-42").get("/Patient?_count=1")
                .then().statusCode(200)
                .header("X-Request-Id", "client-chosen-42");
    }

    @Test
    void anUnsupportedSearchModifierIs400() {
        fhir().get("/Patient?name:contains=a")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString(":contains"));
    }

    @Test
    void anUnknownSearchParameterIs400UnlessTheClientAsksForLenientHandling() {
        fhir().get("/Patient?shoe-size=44")
                .then().statusCode(400)
                .body("issue[0].diagnostics", containsString("shoe-size"));
        fhir().header("Prefer", "handling=lenient").get("/Patient?shoe-size=44&_count=1")
                .then().statusCode(200)
                .body("resourceType", equalTo("Bundle"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Observation?date=notadate; date; notadate",
            "Patient?birthdate=2020-13-45; birthdate; 2020-13-45",
            "Observation?date=ge2020-01-01,soon; date; soon",
            "Observation?value-quantity=abc; value-quantity; abc",
            "RiskAssessment?probability=high; probability; high",
            "Task?due-date=tomorrow; due-date; tomorrow",
            "Patient?name:missing=maybe; name:missing; maybe",
            "Patient?_count=-1; _count; -1",
            "Patient?_summary=everything; _summary; everything"})
    void aMalformedSearchValueIs400NamingTheParameter(String search, String parameter, String value) {
        fhir().get("/" + search)
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("value"))
                .body("issue[0].diagnostics", containsString("'" + parameter + "'"))
                .body("issue[0].diagnostics", containsString('"' + value + '"'));
    }

    @Test
    void aMalformedValueInAPostedSearchIs400NamingTheParameter() {
        given().contentType("application/x-www-form-urlencoded").formParam("date", "someday")
                .post("/Observation/_search")
                .then().statusCode(400)
                .body("issue[0].diagnostics", containsString("'date'"));
    }

    @Test
    void wellFormedSearchValuesAreStillAnswered() {
        fhir().get("/Observation?date=ge2020-01-01&date=le2021&value-quantity=le5.4|http://unitsofmeasure.org|mg"
                        + "&_count=0&_summary=count")
                .then().statusCode(200)
                .body("resourceType", equalTo("Bundle"));
    }

    @Test
    void aSearchParameterRunningARegularExpressionIsRefusedAndNotStored() {
        String code = "family-regex-" + System.nanoTime();
        fhir().body(searchParameter(code, "active", "Patient.name.where(family.matches('(.*a){6}b')).family"))
                .post("/SearchParameter")
                .then().statusCode(422)
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("matches()"))
                .body("issue[0].expression[0]", equalTo("SearchParameter.expression"));
        fhir().get("/SearchParameter?code=" + code + "&_summary=count")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aSearchParameterWithoutARegularExpressionIsStillStored() {
        // retired, so that the shared server does not index the other tests' Patients with it
        String code = "family-plain-" + System.nanoTime();
        fhir().body(searchParameter(code, "retired", "Patient.name.family")).post("/SearchParameter")
                .then().statusCode(201);
    }

    private static String searchParameter(String code, String status, String expression) {
        return """
                {"resourceType":"SearchParameter","url":"https://example.org/SearchParameter/%s","name":"%s",
                 "status":"%s","description":"probe","code":"%s","base":["Patient"],"type":"string",
                 "expression":"%s"}""".formatted(code, code, status, code, expression);
    }
}
