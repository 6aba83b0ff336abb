package health.continuum.medication;

import static health.continuum.medication.MedicationFixtures.encounter;
import static health.continuum.medication.MedicationFixtures.encounterOrder;
import static health.continuum.medication.MedicationFixtures.medicationRequest;
import static health.continuum.medication.MedicationFixtures.medicationRequestByText;
import static health.continuum.medication.MedicationFixtures.withId;
import static health.continuum.medication.MedicationFixtures.withOverride;
import static health.continuum.support.CoordinationFixtures.medicationStatement;
import static health.continuum.support.CoordinationFixtures.RXNORM;
import static health.continuum.support.CoordinationFixtures.practitioner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import health.continuum.canonical.Canonical;
import health.continuum.medication.glue.MedicationCheckInterceptor;
import health.continuum.medication.glue.MedicationProperties;
import health.continuum.medication.glue.MedicationFindings;
import health.continuum.medication.glue.MedicationRecords;
import health.continuum.medication.glue.SystemWrites;
import health.continuum.server.WriteTransaction;
import health.continuum.support.FhirServerIT;
import health.continuum.support.SwappedInterceptor;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Medication checks over HTTP, under the default interaction policy (warn) and under reject-high: its tests swap the
 * server's check interceptor for one with that policy while they send their requests (one shared Spring context).
 */
class MedicationChecksIT extends FhirServerIT {

    private static final String PREFER_OUTCOME = "return=OperationOutcome";

    @Autowired
    RestfulServer server;

    @Autowired
    MedicationCheckInterceptor configuredChecks;

    @Autowired
    MedicationProperties properties;

    @Autowired
    MedicationRecords records;

    @Autowired
    SystemWrites writes;

    @Autowired
    MedicationFindings findings;

    @Autowired
    FhirContext fhirContext;

    @Autowired
    WriteTransaction writeTransaction;


    @ParameterizedTest(name = "{0}: {2} then {4}")
    @CsvSource({
        "ONC-25, 36567, simvastatin, 21212, clarithromycin",
        "ONC-25, 21212, clarithromycin, 36567, simvastatin",
        "ONC-08, 4493, fluoxetine, 8123, phenelzine",
        "ONC-08, 8123, phenelzine, 4493, fluoxetine",
        "ONC-04, 343047, atazanavir, 7646, omeprazole",
        "ONC-04, 7646, omeprazole, 343047, atazanavir",
        "ONC-28, 57258, tizanidine, 2551, ciprofloxacin",
        "ONC-28, 2551, ciprofloxacin, 57258, tizanidine",
        "ONC-16, 10689, tramadol, 10734, tranylcypromine",
        "ONC-16, 10734, tranylcypromine, 10689, tramadol",
        "ONC-21, 9947, sotalol, 5093, haloperidol",
        "ONC-21, 5093, haloperidol, 9947, sotalol"
    })
    void anOncHighPriorityInteractionIsRecordedWhicheverDrugIsWrittenSecond(
            String rule, String firstRxcui, String firstName, String secondRxcui, String secondName) {
        String patient = createPatient(unique());
        String first = create(medicationStatement(patient, firstRxcui, firstName));

        Response response = writeAskingForOutcome(medicationStatement(patient, secondRxcui, secondName));

        response.then().statusCode(201)
                .body("issue.find { it.code == 'business-rule' }.diagnostics", containsString(rule))
                .body("issue.find { it.code == 'business-rule' }.diagnostics", containsString(firstName))
                .body("issue.find { it.code == 'business-rule' }.diagnostics", containsString(secondName))
                .body("issue.find { it.code == 'business-rule' }.expression[0]",
                        equalTo("MedicationStatement.medication"));
        JsonPath issues = detectedIssues(patient, "DRG");
        assertThat(issues.getInt("total")).isEqualTo(1);
        assertThat(issues.getString("entry[0].resource.severity")).isEqualTo("high");
        assertThat(issues.getString("entry[0].resource.status")).isEqualTo("final");
        assertThat(issues.getString("entry[0].resource.code.coding[0].system"))
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
        assertThat(issues.getList("entry[0].resource.implicated.reference", String.class))
                .containsExactlyInAnyOrder(first, locationOf(response));
        assertThat(issues.getString("entry[0].resource.detail")).contains(rule, "Phansalkar");
        assertThat(issues.getString("entry[0].resource.identifier[0].system"))
                .isEqualTo(Canonical.DETECTED_ISSUE_KEY_SYSTEM);
    }

    @ParameterizedTest(name = "{1} with {3}")
    @CsvSource({
        "29046, lisinopril, 6809, metformin",
        "10582, levothyroxine, 161, acetaminophen",
        "1191, aspirin, 32968, clopidogrel"
    })
    void aSafePairRecordsNothing(String firstRxcui, String firstName, String secondRxcui, String secondName) {
        String patient = createPatient(unique());
        create(medicationStatement(patient, firstRxcui, firstName));
        create(medicationStatement(patient, secondRxcui, secondName));

        fhir().get("/DetectedIssue?patient=" + patient).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSameIngredientTwiceIsDuplicateTherapy() {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));
        create(medicationRequest(patient, "36567", "simvastatin", "active", "40 mg at night"));

        JsonPath issues = detectedIssues(patient, "DUPTHPY");
        assertThat(issues.getInt("total")).isEqualTo(1);
        assertThat(issues.getString("entry[0].resource.severity")).isEqualTo("moderate");
        assertThat(issues.getString("entry[0].resource.detail")).contains("simvastatin", "duplicate therapy");
    }

    @ParameterizedTest(name = "born {0}, condition {1}, also taking {2}: {3}")
    @CsvSource(nullValues = "-", value = {
        "1950-03-01, -, -, high, age",
        "1990-03-01, K26.4, -, high, history of upper-GI bleeding or peptic ulcer (ICD-10 K26.4)",
        "1950-03-01, -, omeprazole, moderate, Assess risk and take action if necessary",
        "1990-03-01, -, -, -, the guide's text states no level for this branch"
    })
    void warfarinWithAnNsaidIsJudgedInThePatientsContext(String birthDate, String ulcer, String alsoTaking,
                                                          String severity, String detail) {
        String patient = create("""
                {"resourceType":"Patient","birthDate":"%s","name":[{"family":"Warfarin%s"}]}""".formatted(birthDate, unique()));
        if (ulcer != null) {
            create("""
                    {"resourceType":"Condition","subject":{"reference":"%s"},
                     "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"%s"}]}}""".formatted(patient, ulcer));
        }
        if (alsoTaking != null) {
            create(medicationStatement(patient, "7646", alsoTaking));
        }
        create(medicationStatement(patient, "11289", "warfarin"));

        writeAskingForOutcome(medicationRequest(patient, "5640", "ibuprofen", "active", "400 mg"))
                .then().statusCode(201)
                .body("issue.find { it.diagnostics.contains('PDDI-CDS-WARFARIN-NSAID') }.diagnostics", containsString(detail));
        JsonPath issues = detectedIssues(patient, "DRG");
        assertThat(issues.getList("entry.resource.detail", String.class)).hasSize(2)
                .anySatisfy(text -> assertThat(text).contains("ANSM-OAC-NSAID", "\"Not recommended\"", "ANSM Thesaurus"))
                .anySatisfy(text -> assertThat(text).contains("PDDI-CDS-WARFARIN-NSAID", detail, "Malone"));
        String pddi = "entry.find { it.resource.detail.contains('PDDI-CDS') }.resource.severity";
        assertThat(issues.getString(pddi)).isEqualTo(severity);
    }

    @Test
    void aDischargeOrderThatOnlyChangesTheDoseOfAHomeMedicationIsNoDuplicate() {
        String patient = createPatient(unique());
        String stay = create(encounter(patient));
        create(medicationStatement(patient, "29046", "lisinopril").replace("as directed", "10 mg daily"));

        create(encounterOrder(patient, stay, "29046", "lisinopril", "active", "20 mg daily"));
        assertThat(detectedIssues(patient, "DUPTHPY").getInt("total")).as("the order replaces the home dose").isZero();

        create(encounterOrder(patient, stay, "29046", "lisinopril", "active", "5 mg daily"));
        JsonPath issues = detectedIssues(patient, "DUPTHPY");
        assertThat(issues.getInt("total")).as("two concurrent orders of the stay").isEqualTo(1);
        assertThat(issues.getList("entry[0].resource.implicated.reference", String.class))
                .allMatch(reference -> reference.startsWith("MedicationRequest/"));
    }

    @Test
    void twoIngredientsOfOneClassAreDuplicateTherapy() {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));
        create(medicationStatement(patient, "83367", "atorvastatin"));

        JsonPath issues = detectedIssues(patient, "DUPTHPY");
        assertThat(issues.getInt("total")).isEqualTo(1);
        assertThat(issues.getString("entry[0].resource.detail")).contains("simvastatin", "atorvastatin", "C10AA");
        assertThat(detectedIssues(patient, "DRG").getInt("total")).isZero();
    }

    @Test
    void anUnidentifiableMedicationIsAcceptedAndReportedAsNotChecked() {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));

        writeAskingForOutcome(medicationRequestByText(patient, "Grandma's herbal tea")).then().statusCode(201)
                .body("issue.diagnostics.join(' ')", containsString("cannot be checked"))
                .body("issue.diagnostics.join(' ')", containsString("Grandma's herbal tea"));
        writeAskingForOutcome(medicationStatement(patient, "99999999", "Unlisted compound")).then().statusCode(201)
                .body("issue.diagnostics.join(' ')", containsString("cannot be checked"));
        fhir().get("/DetectedIssue?patient=" + patient).then().body("total", equalTo(0));
    }

    @Test
    void bothDrugsOfOneTransactionAreCheckedAgainstEachOther() {
        String patient = createPatient(unique());
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"resource":%s,"request":{"method":"POST","url":"MedicationStatement"}},
                  {"resource":%s,"request":{"method":"POST","url":"MedicationRequest"}}]}"""
                .formatted(medicationStatement(patient, "36567", "simvastatin"),
                        medicationRequest(patient, "21212", "clarithromycin", "active", "500 mg twice daily"));

        fhir().body(bundle).post("/").then().statusCode(200);

        JsonPath issues = detectedIssues(patient, "DRG");
        assertThat(issues.getInt("total")).isEqualTo(1);
        assertThat(issues.getString("entry[0].resource.detail")).contains("ONC-25");
    }

    @Test
    void savingTheSameMedicationAgainRecordsNoNewIssue() {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));
        String clarithromycin = create(medicationStatement(patient, "21212", "clarithromycin"));
        String changedDose = withId(medicationStatement(patient, "21212", "clarithromycin"), clarithromycin)
                .replace("as directed", "250 mg twice daily");

        fhir().body(changedDose).put("/" + clarithromycin).then().statusCode(200);
        fhir().body(withId(medicationStatement(patient, "21212", "clarithromycin"), clarithromycin))
                .put("/" + clarithromycin).then().statusCode(200);

        assertThat(detectedIssues(patient, "DRG").getInt("total")).isEqualTo(1);
    }

    @Test
    void stoppingAMedicationCancelsItsOpenIssues() {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));
        String clarithromycin = create(medicationStatement(patient, "21212", "clarithromycin"));

        fhir().body(withId(medicationStatement(patient, "21212", "clarithromycin"), clarithromycin)
                        .replace("\"status\":\"active\"", "\"status\":\"stopped\""))
                .put("/" + clarithromycin).then().statusCode(200);

        JsonPath issues = detectedIssues(patient, "DRG");
        assertThat(issues.getString("entry[0].resource.status")).isEqualTo("cancelled");
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.coding[0].code"))
                .isEqualTo("medication-stopped");
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.text")).contains(clarithromycin, "stopped");
        assertThat(validationErrors("DetectedIssue/" + issues.getString("entry[0].resource.id"), null))
                .as("the server writes its DetectedIssues without validating them; they must conform").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MedicationStatement", "MedicationRequest"})
    void rejectHighAnswers422ToANewHighSeverityInteractionAndStoresNothing(String type) {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));
        String clarithromycin = type.equals("MedicationStatement")
                ? medicationStatement(patient, "21212", "clarithromycin")
                : medicationRequest(patient, "21212", "clarithromycin", "active", "500 mg twice daily");

        Response response;
        try (SwappedInterceptor rejectHigh = interactionPolicy(InteractionPolicy.REJECT_HIGH)) {
            response = fhir().body(clarithromycin).post("/" + type);
        }

        response.then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue", hasSize(1))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo("business-rule"))
                .body("issue[0].expression[0]", equalTo(type + ".medication"))
                .body("issue[0].diagnostics", allOf(containsString("interaction-policy=reject-high"),
                        containsString("ONC-25"), containsString("simvastatin"), containsString("clarithromycin"),
                        containsString(Canonical.INTERACTION_OVERRIDE_EXTENSION)));
        fhir().get("/" + type + "?subject=" + patient + "&code=" + RXNORM + "|21212").then()
                .statusCode(200).body("total", equalTo(0));
        fhir().get("/DetectedIssue?patient=" + patient).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void rejectHighAcceptsAnOverriddenOrderAndRecordsTheOverrideWithItsAuthorAndDate() {
        String patient = createPatient(unique());
        String prescriber = create(practitioner("Prescriber"));
        create(medicationStatement(patient, "36567", "simvastatin"));
        String order = medicationRequest(patient, "21212", "clarithromycin", "active", "500 mg twice daily")
                .replace("\"intent\":\"order\",", "\"intent\":\"order\",\"requester\":{\"reference\":\"" + prescriber + "\"},");

        String created;
        try (SwappedInterceptor rejectHigh = interactionPolicy(InteractionPolicy.REJECT_HIGH)) {
            created = create(withOverride(order, "no alternative antibiotic; statin paused"));
        }

        JsonPath issues = detectedIssues(patient, "DRG");
        assertThat(issues.getInt("total")).isEqualTo(1);
        assertThat(issues.getList("entry[0].resource.implicated.reference", String.class)).contains(created);
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.coding[0].system"))
                .isEqualTo("https://continuum.health/fhir/CodeSystem/detected-issue-mitigation");
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.coding[0].code")).isEqualTo("override");
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.text"))
                .contains("no alternative antibiotic; statin paused");
        assertThat(issues.getString("entry[0].resource.mitigation[0].author.reference")).isEqualTo(prescriber);
        assertThat(issues.getString("entry[0].resource.mitigation[0].date")).isNotBlank();
        assertThat(validationErrors("DetectedIssue/" + issues.getString("entry[0].resource.id"), null)).isEmpty();
    }

    @Test
    void rejectHighAcceptsARestartWithAnOverrideAndNamesAPatientAuthorByDisplay() {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));
        String stopped = create(medicationStatement(patient, "21212", "clarithromycin")
                .replace("\"status\":\"active\"", "\"status\":\"stopped\""));
        String restarted = withId(withOverride(medicationStatement(patient, "21212", "clarithromycin"),
                "benefit outweighs risk"), stopped);

        try (SwappedInterceptor rejectHigh = interactionPolicy(InteractionPolicy.REJECT_HIGH)) {
            fhir().body(restarted).put("/" + stopped).then().statusCode(200);
        }

        JsonPath issues = detectedIssues(patient, "DRG");
        assertThat(issues.getInt("total")).isEqualTo(1);
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.text")).contains("benefit outweighs risk");
        // The statement's informationSource is the patient, who cannot author a mitigation: named by display.
        assertThat(issues.getString("entry[0].resource.mitigation[0].author.display")).isEqualTo(patient);
        assertThat(issues.getString("entry[0].resource.mitigation[0].date")).isNotBlank();
    }

    @Test
    void aMedicationWithoutSubjectIsRejected() {
        fhir().body("""
                {"resourceType":"MedicationRequest","status":"active","intent":"order",
                 "medicationCodeableConcept":{"text":"simvastatin"}}""")
                .post("/MedicationRequest").then()
                .statusCode(anyOf(equalTo(400), equalTo(422)))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("subject"));
    }

    @Test
    void aMedicationOfAnUnknownPatientIsRejected() {
        fhir().body(medicationRequest("Patient/unknown-" + unique(), "36567", "simvastatin", "active", "20 mg"))
                .post("/MedicationRequest").then()
                .statusCode(anyOf(equalTo(400), equalTo(404), equalTo(422)))
                .body("resourceType", equalTo("OperationOutcome"));
    }

    /** The server's medication checks, as configured, but with {@code policy}: close it to restore the bean. */
    private SwappedInterceptor interactionPolicy(InteractionPolicy policy) {
        MedicationProperties withPolicy = new MedicationProperties(
                properties.checksEnabled(), policy, properties.knowledgeBase(), properties.externalService());
        return SwappedInterceptor.swap(server, configuredChecks,
                new MedicationCheckInterceptor(withPolicy, findings, records, writes, fhirContext, writeTransaction));
    }

    private static Response writeAskingForOutcome(String json) {
        String type = json.contains("\"resourceType\":\"MedicationRequest\"") ? "MedicationRequest" : "MedicationStatement";
        return fhir().header("Prefer", PREFER_OUTCOME).body(json).post("/" + type);
    }

    private static String locationOf(Response created) {
        String location = created.getHeader("Location");
        String path = location.substring(location.indexOf("/fhir/") + "/fhir/".length());
        return path.replaceAll("/_history/.*", "");
    }

    private static JsonPath detectedIssues(String patient, String code) {
        return fhir().get("/DetectedIssue?patient=" + patient + "&code=" + code).then().statusCode(200)
                .extract().jsonPath();
    }
}
