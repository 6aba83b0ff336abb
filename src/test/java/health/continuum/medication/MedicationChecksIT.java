package health.continuum.medication;

import static health.continuum.medication.MedicationFixtures.medicationRequest;
import static health.continuum.medication.MedicationFixtures.medicationRequestByText;
import static health.continuum.medication.MedicationFixtures.withId;
import static health.continuum.medication.MedicationFixtures.withOverride;
import static health.continuum.support.CoordinationFixtures.medicationStatement;
import static health.continuum.support.CoordinationFixtures.practitioner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.medication.MedicationProperties.KnowledgeBasePaths;
import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

class MedicationChecksIT extends FhirServerIT {

    private static final String PREFER_OUTCOME = "return=OperationOutcome";

    @Autowired
    MedicationRecords records;

    @Autowired
    InteractionChecker checker;

    @Autowired
    FhirContext fhirContext;

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
        "ONC-16, 10734, tranylcypromine, 10689, tramadol"
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
                .isEqualTo(MedicationRecords.ISSUE_KEY_SYSTEM);
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
    }

    @Test
    void anOverrideIsRecordedAsTheMitigation() {
        String patient = createPatient(unique());
        String prescriber = create(practitioner("Prescriber"));
        create(medicationStatement(patient, "36567", "simvastatin"));
        String order = medicationRequest(patient, "21212", "clarithromycin", "active", "500 mg twice daily")
                .replace("\"intent\":\"order\",", "\"intent\":\"order\",\"requester\":{\"reference\":\"" + prescriber + "\"},");

        create(withOverride(order, "no alternative antibiotic; statin paused"));

        JsonPath issues = detectedIssues(patient, "DRG");
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.coding[0].code")).isEqualTo("override");
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.text"))
                .contains("no alternative antibiotic; statin paused");
        assertThat(issues.getString("entry[0].resource.mitigation[0].author.reference")).isEqualTo(prescriber);
        assertThat(issues.getString("entry[0].resource.mitigation[0].date")).isNotBlank();
    }

    @Test
    void rejectHighRefusesANewHighSeverityInteractionAndRecordsNothing() {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));
        MedicationStatement clarithromycin = parse(medicationStatement(patient, "21212", "clarithromycin"));
        clarithromycin.setId("MedicationStatement/not-stored-" + unique());

        assertThatThrownBy(() -> rejectHigh().created(clarithromycin, null, new TransactionDetails()))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, rejection -> assertThat(
                        fhirContext.newJsonParser().encodeResourceToString(rejection.getOperationOutcome()))
                        .contains("simvastatin", "clarithromycin", "ONC-25", FhirMedication.OVERRIDE_EXTENSION));
        fhir().get("/DetectedIssue?patient=" + patient).then().body("total", equalTo(0));
    }

    @Test
    void rejectHighAcceptsAnOverriddenInteraction() {
        String patient = createPatient(unique());
        create(medicationStatement(patient, "36567", "simvastatin"));
        String stopped = create(medicationStatement(patient, "21212", "clarithromycin")
                .replace("\"status\":\"active\"", "\"status\":\"stopped\""));
        MedicationStatement restarted = parse(withOverride(
                medicationStatement(patient, "21212", "clarithromycin"), "benefit outweighs risk"));
        restarted.setId(stopped);

        rejectHigh().updated(null, restarted, null, new TransactionDetails());

        JsonPath issues = detectedIssues(patient, "DRG");
        assertThat(issues.getInt("total")).isEqualTo(1);
        assertThat(issues.getString("entry[0].resource.mitigation[0].action.text")).contains("benefit outweighs risk");
        // The statement's informationSource is the patient, who cannot author a mitigation: named by display.
        assertThat(issues.getString("entry[0].resource.mitigation[0].author.display")).isEqualTo(patient);
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

    private MedicationCheckInterceptor rejectHigh() {
        MedicationProperties properties =
                new MedicationProperties(true, InteractionPolicy.REJECT_HIGH, new KnowledgeBasePaths(null, null));
        return new MedicationCheckInterceptor(properties, checker, records, fhirContext);
    }

    private MedicationStatement parse(String json) {
        return fhirContext.newJsonParser().parseResource(MedicationStatement.class, json);
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
