package health.continuum.conformance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import health.continuum.support.CoordinationFixtures;
import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The conformance package over HTTP: served, advertised, searchable, and enforced on write. */
class ConformanceIT extends FhirServerIT {

    private static final String BASE = "https://continuum.health/fhir/StructureDefinition/";

    @Test
    void profilesAreStoredAndServedByCanonicalUrl() {
        for (String profile : new String[] {"continuum-careplan", "continuum-careteam", "continuum-goal",
            "continuum-medicationstatement", "continuum-task"}) {
            fhir().get("/StructureDefinition?url=" + BASE + profile).then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("entry[0].resource.url", equalTo(BASE + profile));
        }
        fhir().get("/CodeSystem?url=https://continuum.health/fhir/CodeSystem/task-type").then()
                .body("total", equalTo(1));
    }

    @Test
    void extensionsCodeSystemsAndTheIdentifierSystemTheServerWritesAreServed() {
        for (String extension : new String[] {"interaction-override", "tcm-complexity"}) {
            fhir().get("/StructureDefinition?url=" + BASE + extension).then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("entry[0].resource.type", equalTo("Extension"));
        }
        for (String codeSystem : new String[] {"readmission-risk", "reconciliation-flag", "detected-issue-mitigation",
            "tcm-complexity"}) {
            fhir().get("/CodeSystem?url=https://continuum.health/fhir/CodeSystem/" + codeSystem).then()
                    .statusCode(200)
                    .body("total", equalTo(1));
        }
        fhir().get("/NamingSystem?value=https://continuum.health/fhir/sid/detected-issue-key").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.kind", equalTo("identifier"));
    }

    @Test
    void capabilityStatementListsSupportedProfiles() {
        JsonPath metadata = fhir().get("/metadata").then().statusCode(200).extract().jsonPath();
        assertThat(metadata.getList("rest[0].resource.find { it.type == 'CarePlan' }.supportedProfile", String.class))
                .contains(BASE + "continuum-careplan");
        assertThat(metadata.getList("rest[0].resource.find { it.type == 'Task' }.supportedProfile", String.class))
                .contains(BASE + "continuum-task");
    }

    @Test
    void customSearchParametersWorkRightAfterStart() {
        String patient = createPatient(unique());
        String coordinator = create(CoordinationFixtures.practitioner("Coordinator"));
        String due = create(CoordinationFixtures.task(patient, "post-discharge-contact", "requested", coordinator,
                "2025-03-18"));
        create(CoordinationFixtures.task(patient, "follow-up-appointment", "requested", coordinator, "2025-04-30"));
        String careTeam = create(CoordinationFixtures.careTeam(patient, coordinator, coordinator));

        JsonPath dueSoon = fhir().get("/Task?patient=" + patient + "&due-date=le2025-03-20").then()
                .statusCode(200).extract().jsonPath();
        assertThat(dueSoon.getInt("total")).isEqualTo(1);
        assertThat("Task/" + dueSoon.getString("entry[0].resource.id")).isEqualTo(due);

        fhir().get("/Task?patient=" + patient + "&_sort=due-date").then()
                .statusCode(200)
                .body("entry.resource.restriction.period.end", equalTo(java.util.List.of("2025-03-18", "2025-04-30")));

        JsonPath byRole = fhir().get("/CareTeam?patient=" + patient + "&role=http://snomed.info/sct|768832004")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byRole.getInt("total")).isEqualTo(1);
        assertThat("CareTeam/" + byRole.getString("entry[0].resource.id")).isEqualTo(careTeam);
    }

    @Test
    void exampleBundleOfCoordinatedCareLoadsWithOnePost() throws Exception {
        String bundle = Files.readString(Path.of("fhir-profiles/examples/coordinated-care-bundle.json"));
        JsonPath response = fhir().body(bundle).post("/").then()
                .statusCode(200)
                .body("type", equalTo("transaction-response"))
                .extract().jsonPath();
        assertThat(response.getList("entry.response.status", String.class)).allMatch(s -> s.startsWith("201"));
    }

    static Stream<Arguments> invalidResources() {
        return Stream.of(
                Arguments.of("care team without a coordinator", """
                        {"resourceType":"CareTeam","status":"active","subject":{"reference":"%1$s"},
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "participant":[{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"453231000124104"}]}],
                           "member":{"reference":"%3$s"}}]}""", "CareTeam", "768832004"),
                Arguments.of("medication without RxNorm", """
                        {"resourceType":"MedicationStatement","status":"active","subject":{"reference":"%1$s"},
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "medicationCodeableConcept":{"text":"metformin"},
                         "effectiveDateTime":"2025-01-10","dateAsserted":"2025-01-10",
                         "informationSource":{"reference":"%1$s"},"dosage":[{"text":"500 mg"}]}""",
                        "MedicationStatement", "rxnorm"),
                Arguments.of("task without code", """
                        {"resourceType":"Task","status":"requested","intent":"order","for":{"reference":"%1$s"},
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "authoredOn":"2025-01-10T09:00:00Z"}""", "Task", "Task.code"),
                Arguments.of("task without patient", """
                        {"resourceType":"Task","status":"requested","intent":"order",
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "code":{"coding":[{"system":"https://continuum.health/fhir/CodeSystem/task-type",
                           "code":"referral"}]},"authoredOn":"2025-01-10T09:00:00Z"}""", "Task", "Task.for"),
                Arguments.of("task with an unknown task type", """
                        {"resourceType":"Task","status":"requested","intent":"order","for":{"reference":"%1$s"},
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "code":{"coding":[{"system":"https://continuum.health/fhir/CodeSystem/task-type",
                           "code":"make-coffee"}]},"authoredOn":"2025-01-10T09:00:00Z"}""", "Task", "make-coffee"),
                Arguments.of("care plan without care team or goal", """
                        {"resourceType":"CarePlan","status":"active","intent":"plan",
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category",
                           "code":"assess-plan"}]}],
                         "subject":{"reference":"%1$s"},"period":{"start":"2025-01-10"}}""",
                        "CarePlan", "CarePlan.careTeam"),
                Arguments.of("encounter with a TCM complexity outside its code system", """
                        {"resourceType":"Encounter","status":"in-progress",
                         "extension":[{"url":"https://continuum.health/fhir/StructureDefinition/tcm-complexity",
                           "valueCode":"low"}],
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
                         "subject":{"reference":"%1$s"}}""", "Encounter", "low"),
                Arguments.of("observation without its code (held to the base rules)", """
                        {"resourceType":"Observation","status":"final","subject":{"reference":"%1$s"},
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}]}""",
                        "Observation", "Observation.code: minimum required = 1"),
                Arguments.of("observation with a core extension's value of the wrong type (base rules)", """
                        {"resourceType":"Observation","status":"final","code":{"text":"weight"},
                         "subject":{"reference":"%1$s"},"identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
                           "valueString":"Lyon"}]}""", "Observation", "does not allow a value of type string"),
                Arguments.of("care plan with a wrong status code", """
                        {"resourceType":"CarePlan","status":"finished","intent":"plan",
                         "identifier":[{"system":"urn:continuum:test","value":"%2$s"}],
                         "subject":{"reference":"%1$s"}}""", "CarePlan", "finished"));
    }

    private static final Set<String> COORDINATION_TYPES = Set.of("CarePlan", "CareTeam", "Task", "MedicationStatement");

    /** The resource claiming the Continuum profile of its type, if it has one: then every rule of it is enforced. */
    private static String claimingContinuumProfile(String json, String type) {
        return COORDINATION_TYPES.contains(type)
                ? json.replaceFirst("\\{", "{\"meta\":{\"profile\":[\"" + BASE + "continuum-" + type.toLowerCase() + "\"]},")
                : json;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResources")
    void nonConformingWritesAre422WithWhatAndWhereAndStoreNothing(
            String name, String template, String type, String expected) {
        String patient = createPatient(unique());
        String practitioner = create(CoordinationFixtures.practitioner("Member"));
        String marker = unique();
        String body = claimingContinuumProfile(template.formatted(patient, marker, practitioner), type);

        JsonPath outcome = fhir().body(body).post("/" + type)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(422), equalTo(400)))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.severity", hasItem("error"))
                .extract().jsonPath();
        String everything = outcome.getList("issue.diagnostics") + " " + outcome.getList("issue.expression");
        assertThat(everything).as("the outcome names what is wrong and where").contains(expected);

        fhir().get("/" + type + "?identifier=urn:continuum:test|" + marker).then().body("total", equalTo(0));
    }

    /** Accept and flag: the same records claiming no Continuum profile are an EHR's, stored with each failed rule. */
    /**
     * The invalid resources above that break only a Continuum rule of a coordination type. Not the others: a status
     * outside its required binding, or a code missing from a code system the server holds, is wrong in base R4.
     */
    static Stream<Arguments> continuumRuleBreaches() {
        Set<String> baseErrors = Set.of("care plan with a wrong status code", "task with an unknown task type");
        return invalidResources().filter(arguments -> COORDINATION_TYPES.contains((String) arguments.get()[2])
                && !baseErrors.contains((String) arguments.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuumRuleBreaches")
    void unclaimedCoordinationRecordsThatOnlyBreakContinuumRulesAreStoredWithTheRuleAsAWarning(
            String name, String template, String type, String expected) {
        String patient = createPatient(unique());
        String practitioner = create(CoordinationFixtures.practitioner("Member"));
        String marker = unique();

        JsonPath outcome = fhir().header("Prefer", "return=OperationOutcome")
                .body(template.formatted(patient, marker, practitioner)).post("/" + type)
                .then().statusCode(201)
                .body("issue.severity", not(hasItem("error")))
                .extract().jsonPath();
        List<String> warnings = outcome.getList("issue.findAll { it.severity == 'warning' }.diagnostics");
        assertThat(warnings.toString() + outcome.getList("issue.expression"))
                .as("the outcome names the failed rule").contains(expected);
        fhir().get("/" + type + "?identifier=urn:continuum:test|" + marker).then().body("total", equalTo(1));
    }

    @Test
    void oneNonConformingEntryRejectsTheWholeTransaction() {
        String marker = unique();
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Patient",
                     "identifier":[{"system":"urn:continuum:test","value":"%1$s"}]},
                   "request":{"method":"POST","url":"Patient"}},
                  {"resource":{"resourceType":"Task","intent":"order",
                     "for":{"reference":"urn:uuid:%1$s"},"authoredOn":"2025-01-10T09:00:00Z"},
                   "request":{"method":"POST","url":"Task"}}]}""".formatted(marker);
        // Task.status is 1..1 in base R4: an error whatever coordination-rules says
        fhir().body(bundle).post("/").then()
                .statusCode(422)
                .body("issue.diagnostics", hasItem(containsString("Task.status: minimum required = 1")));
        fhir().get("/Patient?identifier=urn:continuum:test|" + marker).then().body("total", equalTo(0));
    }

    /** The server lists only the base definitions at start-up (CoreDefinitions); core extensions come by URL. */
    @Test
    void aCoreExtensionOnAWriteIsCheckedAgainstItsDefinition() {
        String patient = """
                {"resourceType":"Patient","identifier":[{"system":"urn:continuum:test","value":"%s"}],
                 "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthPlace",%s}]}""";
        String marker = unique();
        fhir().body(patient.formatted(marker, "\"valueString\":\"Lyon\"")).post("/Patient").then()
                .statusCode(422)
                .body("issue.diagnostics", hasItem(containsString("Address")));
        fhir().get("/Patient?identifier=urn:continuum:test|" + marker).then().body("total", equalTo(0));

        create(patient.formatted(unique(), "\"valueAddress\":{\"city\":\"Lyon\"}"));
    }

    /** A CarePlan the Continuum profile rejects: no category, period, care team or goal. */
    private static final String BARE_CARE_PLAN = """
            {"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"Patient/any"}}""";

    @ParameterizedTest
    @ValueSource(strings = {"valueCanonical", "valueUri"})
    void validateTakesTheProfileFromAParametersBody(String valueType) {
        String parameters = """
                {"resourceType":"Parameters","parameter":[{"name":"resource","resource":%s},
                  {"name":"profile","%s":"%scontinuum-careplan"}]}""".formatted(BARE_CARE_PLAN, valueType, BASE);
        // $validate answers 200 when it could validate: the verdict is in the OperationOutcome
        fhir().body(parameters).post("/CarePlan/$validate").then()
                .statusCode(200)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.diagnostics", hasItem(containsString("CarePlan.careTeam: minimum required = 1")))
                .body("issue.diagnostics", not(hasItem(containsString("Failed to retrieve profile"))))
                .body("issue.expression.flatten()", hasItem("CarePlan"));
    }

    @Test
    void validateTakesAParametersBodyInXml() {
        String parameters = """
                <Parameters xmlns="http://hl7.org/fhir"><parameter><name value="resource"/><resource>
                <Patient><gender value="robot"/></Patient></resource></parameter>
                <parameter><name value="mode"/><valueCode value="create"/></parameter></Parameters>""";
        given().contentType(FHIR_XML).accept(FHIR_JSON).body(parameters).post("/Patient/$validate").then()
                .statusCode(400)
                .body("issue.diagnostics", hasItem(containsString("robot")));
    }

    @Test
    void validateReportsAParametersProfileWithoutAValue() {
        String parameters = """
                {"resourceType":"Parameters","parameter":[{"name":"resource","resource":%s},
                  {"name":"profile","part":[{"name":"url","valueUri":"%scontinuum-careplan"}]}]}"""
                .formatted(BARE_CARE_PLAN, BASE);
        fhir().body(parameters).post("/CarePlan/$validate").then()
                .statusCode(400)
                .body("issue[0].diagnostics", containsString("'profile' needs a value"));
    }

    /** $validate lists the Continuum rules BARE_CARE_PLAN fails without being asked, as its write flags them. */
    @Test
    void validateHoldsACoordinationResourceToItsContinuumProfileAsAWriteWould() {
        fhir().body(BARE_CARE_PLAN).post("/CarePlan/$validate").then()
                .statusCode(200)
                .body("issue.diagnostics", hasItem(containsString("CarePlan.goal: minimum required = 1")));

        String patient = createPatient(unique());
        String coordinator = create(CoordinationFixtures.practitioner("Coordinator"));
        String careTeam = create(CoordinationFixtures.careTeam(patient, coordinator, coordinator));
        String goal = create(CoordinationFixtures.goal(patient));
        fhir().body(CoordinationFixtures.carePlan(patient, careTeam, goal)).post("/CarePlan/$validate").then()
                .statusCode(200)
                .body("issue.severity", not(hasItem("error")));
    }
}
