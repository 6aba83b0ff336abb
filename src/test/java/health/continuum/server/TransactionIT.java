package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

class TransactionIT extends FhirServerIT {

    @Test
    void oneInvalidEntryRejectsTheWholeTransactionAndStoresNothing() {
        String identifier = unique();
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Patient",
                     "identifier":[{"system":"urn:continuum:test","value":"%1$s"}]},
                   "request":{"method":"POST","url":"Patient"}},
                  {"resource":{"resourceType":"Observation","status":"final","code":{"text":"HR"},
                     "identifier":[{"system":"urn:continuum:test","value":"%1$s"}],
                     "subject":{"reference":"Patient/does-not-exist-%1$s"}},
                   "request":{"method":"POST","url":"Observation"}}]}""".formatted(identifier);

        fhir().body(bundle).post("/").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404), equalTo(422)))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("does-not-exist-" + identifier));

        fhir().get("/Patient?identifier=urn:continuum:test|" + identifier).then().body("total", equalTo(0));
        fhir().get("/Observation?identifier=urn:continuum:test|" + identifier).then().body("total", equalTo(0));
    }

    @Test
    void urnUuidReferencesResolveToTheCreatedResources() {
        String identifier = unique();
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Patient",
                     "identifier":[{"system":"urn:continuum:test","value":"%1$s"}]},
                   "request":{"method":"POST","url":"Patient"}},
                  {"fullUrl":"urn:uuid:%2$s","resource":{"resourceType":"Practitioner","name":[{"family":"Coordinator"}]},
                   "request":{"method":"POST","url":"Practitioner"}},
                  {"resource":{"resourceType":"CareTeam","status":"active","subject":{"reference":"urn:uuid:%1$s"},
                     "participant":[{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"768832004"}]}],
                       "member":{"reference":"urn:uuid:%2$s"}}]},
                   "request":{"method":"POST","url":"CareTeam"}}]}""".formatted(identifier, unique());

        JsonPath response = fhir().body(bundle).post("/").then()
                .statusCode(200)
                .body("type", equalTo("transaction-response"))
                .body("entry.response.status", org.hamcrest.Matchers.everyItem(containsString("201")))
                .extract().jsonPath();
        String patientId = response.getString("entry[0].response.location").replaceAll("/_history/.*", "");
        String practitionerId = response.getString("entry[1].response.location").replaceAll("/_history/.*", "");
        String careTeam = response.getString("entry[2].response.location").replaceAll("/_history/.*", "");

        fhir().get("/" + careTeam).then().statusCode(200)
                .body("subject.reference", equalTo(patientId))
                .body("participant[0].member.reference", equalTo(practitionerId));
    }

    @Test
    void conditionalReferencesResolveLikeSyntheaBundlesUseThem() {
        String npi = unique();
        String practitioner = create("""
                {"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"%s"}],
                 "name":[{"family":"Welby"}]}""".formatted(npi));
        String identifier = unique();
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Patient",
                     "identifier":[{"system":"urn:continuum:test","value":"%1$s"}]},
                   "request":{"method":"POST","url":"Patient"}},
                  {"resource":{"resourceType":"Encounter","status":"finished",
                     "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                     "subject":{"reference":"urn:uuid:%1$s"},
                     "participant":[{"individual":{"reference":"Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|%2$s"}}]},
                   "request":{"method":"POST","url":"Encounter"}}]}""".formatted(identifier, npi);

        String encounter = fhir().body(bundle).post("/").then().statusCode(200).extract().jsonPath()
                .getString("entry[1].response.location").replaceAll("/_history/.*", "");
        fhir().get("/" + encounter).then().statusCode(200)
                .body("participant[0].individual.reference", equalTo(practitioner));
    }

    @Test
    void batchProcessesEntriesIndependently() {
        String identifier = unique();
        String bundle = """
                {"resourceType":"Bundle","type":"batch","entry":[
                  {"resource":{"resourceType":"Patient","identifier":[{"system":"urn:continuum:test","value":"%1$s"}]},
                   "request":{"method":"POST","url":"Patient"}},
                  {"resource":{"resourceType":"Observation","status":"final","code":{"text":"HR"},
                     "subject":{"reference":"Patient/does-not-exist-%1$s"}},
                   "request":{"method":"POST","url":"Observation"}}]}""".formatted(identifier);

        JsonPath response = fhir().body(bundle).post("/").then()
                .statusCode(200)
                .body("type", equalTo("batch-response"))
                .extract().jsonPath();
        assertThat(response.getString("entry[0].response.status")).startsWith("201");
        assertThat(response.getString("entry[1].response.status")).startsWith("4");
        assertThat(response.getString("entry[1].response.outcome.issue[0].diagnostics")).contains("does-not-exist");

        fhir().get("/Patient?identifier=urn:continuum:test|" + identifier).then().body("total", equalTo(1));
    }
}
