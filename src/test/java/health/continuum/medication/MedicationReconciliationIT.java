package health.continuum.medication;

import static health.continuum.medication.MedicationFixtures.encounter;
import static health.continuum.medication.MedicationFixtures.encounterOrder;
import static health.continuum.support.CoordinationFixtures.medicationStatement;
import static health.continuum.support.CoordinationFixtures.practitioner;
import static health.continuum.support.CoordinationFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedicationReconciliationIT extends FhirServerIT {

    private static final String FLAG_SYSTEM = "https://continuum.health/fhir/CodeSystem/reconciliation-flag";

    @Test
    void flagsEveryPriorMedicationAndEveryOrderOfTheEncounter() {
        Admission admission = admission();

        JsonPath result = fhir().get("/" + admission.patient + "/$reconcile-medications?encounter=" + admission.encounter)
                .then().statusCode(200).extract().jsonPath();

        assertThat(result.getString("resourceType")).isEqualTo("Bundle");
        assertThat(result.getString("type")).isEqualTo("collection");
        assertThat(result.getString("entry[0].resource.resourceType")).isEqualTo("List");
        assertThat(result.getString("entry[0].resource.code.coding[0].code")).isEqualTo("10160-0");
        assertThat(result.getString("entry[0].resource.mode")).isEqualTo("snapshot");
        assertThat(result.getString("entry[0].resource.status")).isEqualTo("current");
        assertThat(result.getString("entry[0].resource.subject.reference")).isEqualTo(admission.patient);
        assertThat(result.getString("entry[0].resource.encounter.reference")).isEqualTo(admission.encounter);
        assertThat(result.getList("entry[0].resource.entry.collect { it.flag.coding[0].system }", String.class))
                .containsOnly(FLAG_SYSTEM);
        assertThat(flagsByItem(result)).containsOnly(
                entry(admission.lisinoprilOrder, "continued"),
                entry(admission.metforminOrder, "changed"),
                entry(admission.simvastatinStop, "stopped"),
                entry(admission.omeprazoleOrder, "new"),
                entry(admission.levothyroxine, "omitted"));
        assertThat(result.getString("entry[0].resource.entry.find { it.item.reference == '%s' }.flag.text"
                .formatted(admission.metforminOrder))).contains("dose", admission.metformin);
    }

    @Test
    void returnsTheOpenIssuesOfTheListedMedications() {
        Admission admission = admission();

        JsonPath result = fhir().get("/" + admission.patient + "/$reconcile-medications?encounter=" + admission.encounter)
                .then().statusCode(200).extract().jsonPath();

        // Ordering the home lisinopril again is the same ingredient twice until the home statement is closed.
        List<String> issueCodes = result.getList(
                "entry.findAll { it.resource.resourceType == 'DetectedIssue' }.collect { it.resource.code.coding[0].code }", String.class);
        assertThat(issueCodes).contains("DUPTHPY");
    }

    @Test
    void persistStoresTheListAndCompletesTheReconciliationTask() {
        Admission admission = admission();
        String coordinator = create(practitioner("Coordinator"));
        String reconciliationTask = create(task(admission.patient, "medication-reconciliation", "requested", coordinator,
                "2030-01-01").replace("\"intent\":\"order\",",
                "\"intent\":\"order\",\"focus\":{\"reference\":\"" + admission.encounter + "\"},"));
        String parameters = """
                {"resourceType":"Parameters","parameter":[
                  {"name":"encounter","valueReference":{"reference":"%s"}},{"name":"persist","valueBoolean":true}]}"""
                .formatted(admission.encounter);

        JsonPath result = fhir().body(parameters).post("/" + admission.patient + "/$reconcile-medications")
                .then().statusCode(200).extract().jsonPath();

        String list = "List/" + result.getString("entry[0].resource.id");
        fhir().get("/" + list).then().statusCode(200).body("encounter.reference", equalTo(admission.encounter));
        fhir().get("/" + reconciliationTask).then().statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void withoutPersistNothingIsStored() {
        Admission admission = admission();

        fhir().get("/" + admission.patient + "/$reconcile-medications?encounter=" + admission.encounter)
                .then().statusCode(200);

        fhir().get("/List?subject=" + admission.patient).then().body("total", equalTo(0));
    }

    @Test
    void anUnknownPatientIsNotFound() {
        fhir().get("/Patient/unknown-" + unique() + "/$reconcile-medications").then()
                .statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void anEncounterOfAnotherPatientIsABadRequest() {
        String patient = createPatient(unique());
        String otherEncounter = create(encounter(createPatient(unique())));

        fhir().get("/" + patient + "/$reconcile-medications?encounter=" + otherEncounter).then()
                .statusCode(anyOf(equalTo(400), equalTo(422)))
                .body("resourceType", equalTo("OperationOutcome"));
    }

    /** Home medications and admission orders covering every reconciliation flag once. */
    private record Admission(String patient, String encounter, String metformin, String levothyroxine,
                             String lisinoprilOrder, String metforminOrder, String simvastatinStop, String omeprazoleOrder) {}

    private static Admission admission() {
        String patient = createPatient(unique());
        String encounter = create(encounter(patient));
        create(medicationStatement(patient, "29046", "lisinopril"));
        String metformin = create(medicationStatement(patient, "6809", "metformin"));
        create(medicationStatement(patient, "36567", "simvastatin"));
        String levothyroxine = create(medicationStatement(patient, "10582", "levothyroxine"));
        return new Admission(patient, encounter, metformin, levothyroxine,
                create(encounterOrder(patient, encounter, "29046", "lisinopril", "active", "as directed")),
                create(encounterOrder(patient, encounter, "6809", "metformin", "active", "1000 mg twice daily")),
                create(encounterOrder(patient, encounter, "36567", "simvastatin", "stopped", "as directed")),
                create(encounterOrder(patient, encounter, "7646", "omeprazole", "active", "20 mg daily")));
    }

    private static Map<String, String> flagsByItem(JsonPath result) {
        List<String> items = result.getList("entry[0].resource.entry.item.reference", String.class);
        List<String> flags = result.getList("entry[0].resource.entry.collect { it.flag.coding[0].code }", String.class);
        Map<String, String> byItem = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byItem.put(items.get(i), flags.get(i));
        }
        return byItem;
    }
}
