package health.continuum.transition;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.canonical.Canonical;
import health.continuum.server.WriteTransaction;
import health.continuum.support.CoordinationFixtures;
import health.continuum.support.FhirServerIT;
import health.continuum.support.SwappedInterceptor;
import health.continuum.transition.glue.DischargeInterceptor;
import health.continuum.transition.glue.DischargeProperties;
import health.continuum.transition.glue.DischargeReader;
import health.continuum.transition.glue.DischargeWriter;
import io.restassured.response.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Transitions of care over HTTP: {@code $discharge-readiness} and what finishing a stay does under the default policy,
 * assist, and under block and off, whose tests swap the server's discharge interceptor for one with that policy while
 * they send their requests (one shared Spring context). A stay admitted from the emergency department on Monday 3 March
 * 2025 and discharged on Friday 7 March 2025 (UTC, the default zone): LACE = L 4 days (4) + A emergent (3) + C Charlson
 * 2, heart failure and diabetes (2) + E 1 ED visit in January (1) = 10, high complexity: contact due Tuesday 11 March,
 * visit due Friday 14 March.
 */
class DischargeIT extends FhirServerIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String ADMISSION = "2025-03-03T10:00:00Z";
    private static final String DISCHARGE = "2025-03-07T19:00:00Z";
    private static final String LOINC = "http://loinc.org";
    private static final String READMISSION_RISK = "https://continuum.health/fhir/CodeSystem/readmission-risk";

    /** The pieces of evidence a ready discharge has; a scenario leaves some out. */
    enum Evidence { MEDICATION_LIST, APPOINTMENT, INSTRUCTIONS, TEACH_BACK, CONTACT_TASK, CARE_TEAM, CARE_PLAN }

    /** The stored records of one scenario. */
    record Stay(String patient, String coordinator, String encounter) {}

    @Autowired
    RestfulServer server;

    @Autowired
    DischargeInterceptor configuredInterceptor;

    @Autowired
    DischargeProperties properties;

    @Autowired
    CalendarProperties calendar;

    @Autowired
    DischargeReader reader;

    @Autowired
    DischargeWriter writer;

    @Autowired
    WriteTransaction transaction;

    @Test
    void everyCheckPassesWhenAllEvidenceIsPresent() {
        Stay stay = stay(EnumSet.allOf(Evidence.class));

        Parameters readiness = readiness(stay.encounter(), DISCHARGE);

        assertThat(value(readiness, "ready").primitiveValue()).isEqualTo("true");
        assertThat(checkStatuses(readiness)).containsOnly(
                Map.entry("medication-reconciliation", "pass"), Map.entry("follow-up-appointment", "pass"),
                Map.entry("discharge-instructions", "pass"), Map.entry("care-team", "pass"),
                Map.entry("care-plan", "pass"), Map.entry("post-discharge-contact", "pass"));
        assertThat(value(readiness, "tcm-complexity").primitiveValue()).isEqualTo("high");
        assertThat(value(readiness, "contact-due").primitiveValue()).isEqualTo("2025-03-11");
        assertThat(value(readiness, "visit-due").primitiveValue()).isEqualTo("2025-03-14");
        assertThat(value(readiness, "lace").primitiveValue()).isEqualTo("10");
    }

    @Test
    void aMissingMedicationListFailsOnlyMedicationReconciliation() {
        assertOnlyFailing(EnumSet.complementOf(EnumSet.of(Evidence.MEDICATION_LIST)), "medication-reconciliation");
    }

    @Test
    void aMissingAppointmentFailsOnlyFollowUpAppointment() {
        assertOnlyFailing(EnumSet.complementOf(EnumSet.of(Evidence.APPOINTMENT)), "follow-up-appointment");
    }

    @Test
    void missingInstructionsFailOnlyDischargeInstructions() {
        assertOnlyFailing(EnumSet.complementOf(EnumSet.of(Evidence.INSTRUCTIONS)), "discharge-instructions");
    }

    @Test
    void aMissingCarePlanFailsOnlyCarePlan() {
        assertOnlyFailing(EnumSet.complementOf(EnumSet.of(Evidence.CARE_PLAN)), "care-plan");
    }

    @Test
    void anUnresolvedHighSeverityInteractionOfActiveMedicationsFailsOnlyMedicationReconciliation() {
        Stay stay = stay(EnumSet.allOf(Evidence.class));
        String maoi = create(CoordinationFixtures.medicationStatement(stay.patient(), "10734", "tranylcypromine"));
        String opioid = create(CoordinationFixtures.medicationStatement(stay.patient(), "10689", "tramadol"));
        assertThat(search("/DetectedIssue?patient=" + stay.patient() + "&code=DRG").getEntry()).hasSize(1);
        String issue = firstFound("/DetectedIssue?patient=" + stay.patient() + "&code=DRG");

        Parameters readiness = readiness(stay.encounter(), DISCHARGE);

        assertOnlyFailing(readiness, "medication-reconciliation");
        assertThat(checkDetail(readiness, "medication-reconciliation"))
                .isEqualTo("Unresolved high-severity DetectedIssue implicating active medications: " + issue);

        // Held medications are not active: their interaction no longer holds up the discharge, though it stays open.
        hold(maoi, CoordinationFixtures.medicationStatement(stay.patient(), "10734", "tranylcypromine"));
        hold(opioid, CoordinationFixtures.medicationStatement(stay.patient(), "10689", "tramadol"));
        assertThat(checkStatuses(readiness(stay.encounter(), DISCHARGE)))
                .containsEntry("medication-reconciliation", "pass");
        assertThat(search("/DetectedIssue?patient=" + stay.patient() + "&code=DRG").getEntryFirstRep().getResource())
                .extracting(resource -> ((DetectedIssue) resource).getStatus().toCode())
                .isEqualTo("final");
    }

    @Test
    void readinessIsAvailableByPostToo() {
        Stay stay = stay(EnumSet.allOf(Evidence.class));

        Response response = fhir().body("""
                {"resourceType":"Parameters","parameter":[{"name":"discharge-date","valueDateTime":"%s"}]}"""
                .formatted(DISCHARGE)).post("/" + stay.encounter() + "/$discharge-readiness");

        response.then().statusCode(200);
        Parameters readiness = FHIR.newJsonParser().parseResource(Parameters.class, response.asString());
        assertThat(value(readiness, "ready").primitiveValue()).isEqualTo("true");
    }

    @Test
    void finishingAStayCreatesTheMissingFollowUpTasksOnceOwnedByTheCoordinator() {
        Stay stay = stay(EnumSet.of(Evidence.INSTRUCTIONS, Evidence.TEACH_BACK, Evidence.CARE_TEAM,
                Evidence.CARE_PLAN));

        Response finished = fhir().header("Prefer", "return=OperationOutcome")
                .body(storedEncounter(stay, "finished", "home")).put("/" + stay.encounter());

        finished.then().statusCode(200);
        assertThat(finished.asString()).contains("post-discharge-contact", "Created follow-up Task/");
        Map<String, Task> tasks = followUpTasks(stay);
        assertThat(tasks).containsOnlyKeys(
                "post-discharge-contact", "follow-up-appointment", "medication-reconciliation");
        assertThat(tasks.values()).allSatisfy(task -> {
            assertThat(task.getOwner().getReference()).isEqualTo(stay.coordinator());
            assertThat(task.getFocus().getReference()).isEqualTo(stay.encounter());
            assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
            assertThat(task.getBasedOnFirstRep().getReference()).startsWith("CarePlan/");
        });
        assertThat(due(tasks.get("post-discharge-contact"))).isEqualTo("2025-03-11");
        assertThat(due(tasks.get("follow-up-appointment"))).isEqualTo("2025-03-14");
        assertThat(due(tasks.get("medication-reconciliation"))).isEqualTo("2025-03-14");

        update(stay, "in-progress", null).then().statusCode(200);
        update(stay, "finished", "home").then().statusCode(200);

        assertThat(fhir().get("/Task?patient=" + stay.patient()).jsonPath().getInt("total")).isEqualTo(4);
        assertThat(laceObservations(stay)).hasSize(1);
    }

    @Test
    void theFollowUpTasksAreBasedOnTheCarePlanUpdatedLast() {
        Stay stay = stay(EnumSet.of(Evidence.CARE_TEAM, Evidence.CARE_PLAN));
        String team = firstFound("/CareTeam?patient=" + stay.patient());
        String current = create(CoordinationFixtures.carePlan(
                stay.patient(), team, create(CoordinationFixtures.goal(stay.patient()))));

        assertThat(checkDetail(readiness(stay.encounter(), DISCHARGE), "care-plan"))
                .isEqualTo("Active care plan: " + current);
        update(stay, "finished", "home").then().statusCode(200);

        assertThat(followUpTasks(stay).values()).isNotEmpty().allSatisfy(task ->
                assertThat(task.getBasedOnFirstRep().getReference()).isEqualTo(current));
    }

    @Test
    void theLaceScoreOfTheStayIsStoredAsAnObservation() {
        Stay stay = stay(EnumSet.allOf(Evidence.class));

        update(stay, "finished", "home").then().statusCode(200);

        List<Observation> lace = laceObservations(stay);
        assertThat(lace).hasSize(1);
        Observation observation = lace.get(0);
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(10);
        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(observation.getSubject().getReference()).isEqualTo(stay.patient());
        assertThat(observation.getEffectiveDateTimeType().getValue().toInstant()).hasToString(DISCHARGE);
        assertThat(observation.getComponent().stream()
                .collect(Collectors.toMap(component -> component.getCode().getCodingFirstRep().getCode(),
                        component -> component.getValueIntegerType().getValue())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("lace-length-of-stay", 4, "lace-acuity", 3,
                        "lace-comorbidity", 2, "lace-emergency-visits", 1));
        assertThat(fhir().get("/Task?patient=" + stay.patient()).jsonPath().getInt("total"))
                .as("a ready discharge needs no follow-up Tasks").isEqualTo(2);
    }

    @Test
    void theTasksAndTheObservationADischargeWritesConformToTheirProfiles() {
        Stay stay = stay(EnumSet.of(Evidence.CARE_TEAM, Evidence.CARE_PLAN));

        update(stay, "finished", "home").then().statusCode(200);

        Map<String, Task> tasks = followUpTasks(stay);
        assertThat(tasks).hasSize(3);
        assertThat(tasks.values()).allSatisfy(task -> assertThat(validationErrors(
                "Task/" + task.getIdElement().getIdPart(), Canonical.BASE + "/StructureDefinition/continuum-task"))
                .isEmpty());
        assertThat(laceObservations(stay)).singleElement().satisfies(lace -> assertThat(validationErrors(
                "Observation/" + lace.getIdElement().getIdPart(), null)).isEmpty());
    }

    @Test
    void aTransferToASkilledNursingFacilityIsNotChecked() {
        Stay stay = stay(EnumSet.of(Evidence.CARE_TEAM));

        update(stay, "finished", "snf").then().statusCode(200);

        assertThat(fhir().get("/Task?patient=" + stay.patient()).jsonPath().getInt("total")).isZero();
        assertThat(laceObservations(stay)).isEmpty();
    }

    @Test
    void aDischargeInsideATransactionCreatesTheFollowUpTasks() {
        Stay stay = stay(EnumSet.of(Evidence.CARE_TEAM, Evidence.CARE_PLAN));

        fhir().body("""
                {"resourceType":"Bundle","type":"transaction","entry":[{"resource":%s,
                  "request":{"method":"PUT","url":"%s"}}]}"""
                .formatted(storedEncounter(stay, "finished", "home"), stay.encounter()))
                .post("/").then().statusCode(200);

        assertThat(followUpTasks(stay)).containsOnlyKeys(
                "post-discharge-contact", "follow-up-appointment", "medication-reconciliation");
        assertThat(laceObservations(stay)).hasSize(1);
    }

    @Test
    void aStayCreatedAsFinishedIsCheckedToo() {
        Stay stay = stay(EnumSet.of(Evidence.CARE_TEAM, Evidence.CARE_PLAN));

        String encounter = create(encounter(stay.patient(), "finished", "home"));

        assertThat(fhir().get("/Task?focus=" + encounter).jsonPath().getInt("total")).isEqualTo(3);
    }

    @Test
    void blockRejectsAnUnreadyDischargeWithOneIssuePerFailingCheckAndLeavesTheStayUnchanged() {
        Stay stay = stay(EnumSet.complementOf(EnumSet.of(Evidence.MEDICATION_LIST, Evidence.CARE_PLAN)));

        Response response;
        try (SwappedInterceptor block = dischargePolicy(DischargePolicy.BLOCK)) {
            response = update(stay, "finished", "home");
        }

        response.then().statusCode(422);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.asString());
        assertThat(outcome.getIssue()).allSatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.BUSINESSRULE);
        });
        assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .satisfiesExactly(
                        medication -> assertThat(medication).contains("'medication-reconciliation' failed",
                                "No current List coded LOINC 10160-0 for " + stay.encounter()),
                        carePlan -> assertThat(carePlan).contains("'care-plan' failed",
                                "No active CarePlan for " + stay.patient()));
        Encounter stored = read(stay.encounter());
        assertThat(stored.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
        assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
        assertThat(laceObservations(stay)).isEmpty();
        assertThat(fhir().get("/Task?patient=" + stay.patient()).jsonPath().getInt("total"))
                .as("only the stay's teach-back and contact Tasks").isEqualTo(2);
    }

    @Test
    void blockAcceptsAReadyDischargeAndStoresItsLaceWithoutCreatingTasks() {
        Stay stay = stay(EnumSet.allOf(Evidence.class));

        try (SwappedInterceptor block = dischargePolicy(DischargePolicy.BLOCK)) {
            update(stay, "finished", "home").then().statusCode(200);
        }

        assertThat(read(stay.encounter()).getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(laceObservations(stay)).hasSize(1);
        assertThat(fhir().get("/Task?patient=" + stay.patient()).jsonPath().getInt("total")).isEqualTo(2);
    }

    @Test
    void offAcceptsAnUnreadyDischargeAndChecksCreatesAndReportsNothing() {
        Stay stay = stay(EnumSet.of(Evidence.CARE_TEAM, Evidence.CARE_PLAN));

        Response response;
        try (SwappedInterceptor off = dischargePolicy(DischargePolicy.OFF)) {
            response = fhir().header("Prefer", "return=OperationOutcome")
                    .body(storedEncounter(stay, "finished", "home")).put("/" + stay.encounter());
        }

        response.then().statusCode(200);
        assertThat(response.asString()).doesNotContain("Discharge readiness check", "Created follow-up");
        assertThat(read(stay.encounter()).getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(fhir().get("/Task?patient=" + stay.patient()).jsonPath().getInt("total")).isZero();
        assertThat(laceObservations(stay)).isEmpty();
    }

    @Test
    void anUnknownEncounterIsNotFound() {
        Response response = fhir().get("/Encounter/" + unique() + "/$discharge-readiness");
        response.then().statusCode(404);
        assertThat(response.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
    }

    @Test
    void aMalformedDischargeDateIsABadRequest() {
        Stay stay = stay(EnumSet.noneOf(Evidence.class));

        Response response = fhir().get("/" + stay.encounter() + "/$discharge-readiness?discharge-date=next-friday");

        response.then().statusCode(400);
        assertThat(response.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
    }

    private void assertOnlyFailing(Set<Evidence> evidence, String failing) {
        Stay stay = stay(evidence);

        assertOnlyFailing(readiness(stay.encounter(), DISCHARGE), failing);
    }

    private static void assertOnlyFailing(Parameters readiness, String failing) {
        assertThat(value(readiness, "ready").primitiveValue()).isEqualTo("false");
        Map<String, String> statuses = checkStatuses(readiness);
        assertThat(statuses).containsEntry(failing, "fail");
        assertThat(statuses.entrySet().stream().filter(entry -> !entry.getKey().equals(failing)))
                .allSatisfy(entry -> assertThat(entry.getValue()).isEqualTo("pass"));
    }

    /** The server's discharge interceptor, as configured, but with {@code policy}: close it to restore the bean. */
    private SwappedInterceptor dischargePolicy(DischargePolicy policy) {
        DischargeProperties withPolicy = new DischargeProperties(policy, properties.encounterClasses(),
                properties.ineligibleDispositions());
        return SwappedInterceptor.swap(
                server, configuredInterceptor, new DischargeInterceptor(withPolicy, calendar, reader, writer, transaction));
    }

    /**
     * A patient with a heart failure and a diabetes Condition (and a refuted metastatic cancer), an ED visit in January, and an in-progress stay admitted
     * from the emergency department on Monday 3 March 2025, plus the chosen evidence of readiness.
     */
    private static Stay stay(Set<Evidence> evidence) {
        String patient = createPatient(unique());
        String coordinator = create(CoordinationFixtures.practitioner("Coordinator"));
        String pcp = create(CoordinationFixtures.practitioner("Primary"));
        condition(patient, "I50.9", "confirmed");
        condition(patient, "E11.9", null);
        condition(patient, "C78.0", "refuted"); // metastatic cancer would add 6 Charlson points, were it not refuted
        create("""
                {"resourceType":"Encounter","status":"finished",
                 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"EMER"},
                 "subject":{"reference":"%s"},"period":{"start":"2025-01-15T08:00:00Z","end":"2025-01-15T12:00:00Z"}}"""
                .formatted(patient));
        String encounter = create(encounter(patient, "in-progress", null));
        String careTeam = evidence.contains(Evidence.CARE_TEAM)
                ? create(CoordinationFixtures.careTeam(patient, coordinator, pcp))
                : null;
        if (evidence.contains(Evidence.CARE_PLAN)) {
            String team = careTeam != null ? careTeam : create(CoordinationFixtures.careTeam(patient, pcp, pcp)
                    .replace("\"active\"", "\"inactive\""));
            create(CoordinationFixtures.carePlan(patient, team, create(CoordinationFixtures.goal(patient))));
        }
        if (evidence.contains(Evidence.MEDICATION_LIST)) {
            create("""
                    {"resourceType":"List","status":"current","mode":"working",
                     "code":{"coding":[{"system":"%s","code":"10160-0"}]},"subject":{"reference":"%s"},
                     "encounter":{"reference":"%s"},"source":{"reference":"%s"}}"""
                    .formatted(LOINC, patient, encounter, coordinator));
        }
        if (evidence.contains(Evidence.APPOINTMENT)) {
            create("""
                    {"resourceType":"Appointment","status":"booked",
                     "start":"2025-03-12T14:00:00Z","end":"2025-03-12T14:30:00Z","participant":[
                       {"actor":{"reference":"%s"},"status":"accepted"},{"actor":{"reference":"%s"},"status":"accepted"}]}"""
                    .formatted(patient, pcp));
        }
        if (evidence.contains(Evidence.INSTRUCTIONS)) {
            create("""
                    {"resourceType":"DocumentReference","status":"current",
                     "type":{"coding":[{"system":"%s","code":"8653-8"}]},"subject":{"reference":"%s"},
                     "content":[{"attachment":{"contentType":"text/plain","data":"VGFrZSB5b3VyIHBpbGxzLg=="}}],
                     "context":{"encounter":[{"reference":"%s"}]}}"""
                    .formatted(LOINC, patient, encounter));
        }
        if (evidence.contains(Evidence.TEACH_BACK)) {
            create(focused(CoordinationFixtures.task(patient, "teach-back", "completed", coordinator, "2025-03-07"),
                    encounter));
        }
        if (evidence.contains(Evidence.CONTACT_TASK)) {
            create(focused(CoordinationFixtures.task(
                    patient, "post-discharge-contact", "ready", coordinator, "2025-03-11"), encounter));
        }
        return new Stay(patient, coordinator, encounter);
    }

    /** The stay, discharged on Friday 7 March 2025 19:00 UTC when {@code disposition} is given. */
    private static String encounter(String patient, String status, String disposition) {
        String end = disposition == null ? "" : ",\"end\":\"" + DISCHARGE + "\"";
        String discharged = disposition == null ? "" : """
                ,"dischargeDisposition":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/discharge-disposition","code":"%s"}]}"""
                .formatted(disposition);
        return """
                {"resourceType":"Encounter","status":"%s",
                 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
                 "subject":{"reference":"%s"},"period":{"start":"%s"%s},
                 "hospitalization":{"admitSource":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/admit-source","code":"emd"}]}%s}}"""
                .formatted(status, patient, ADMISSION, end, discharged);
    }

    /** PUTs the stay with a new status (and a discharge when {@code disposition} is given). */
    private static Response update(Stay stay, String status, String disposition) {
        return fhir().body(storedEncounter(stay, status, disposition)).put("/" + stay.encounter());
    }

    private static String storedEncounter(Stay stay, String status, String disposition) {
        return encounter(stay.patient(), status, disposition).replace(
                "\"resourceType\":\"Encounter\",",
                "\"resourceType\":\"Encounter\",\"id\":\"" + stay.encounter().substring("Encounter/".length()) + "\",");
    }

    private static void condition(String patient, String icd10, String verificationStatus) {
        String verification = verificationStatus == null ? "" : """
                "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"%s"}]},"""
                .formatted(verificationStatus);
        create("""
                {"resourceType":"Condition",
                 "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                 %s"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"%s"}]},"subject":{"reference":"%s"}}"""
                .formatted(verification, icd10, patient));
    }

    private static String focused(String task, String encounter) {
        return task.replace("\"for\":", "\"focus\":{\"reference\":\"" + encounter + "\"},\"for\":");
    }

    /** PUTs the stored medication as {@code statement} with status on-hold. */
    private static void hold(String medication, String statement) {
        fhir().body(statement.replace("\"status\":\"active\"",
                        "\"id\":\"" + new IdType(medication).getIdPart() + "\",\"status\":\"on-hold\""))
                .put("/" + medication).then().statusCode(200);
    }

    private static String checkDetail(Parameters readiness, String code) {
        return readiness.getParameter().stream()
                .filter(parameter -> parameter.getName().equals("check") && checkCode(parameter).equals(code))
                .map(check -> part(check, "detail").primitiveValue())
                .findFirst().orElseThrow();
    }

    private static Parameters readiness(String encounter, String dischargeDate) {
        Response response = fhir().get("/" + encounter + "/$discharge-readiness?discharge-date=" + dischargeDate);
        response.then().statusCode(200);
        return FHIR.newJsonParser().parseResource(Parameters.class, response.asString());
    }

    private static org.hl7.fhir.r4.model.Type value(Parameters parameters, String name) {
        return parameters.getParameter(name).getValue();
    }

    private static Map<String, String> checkStatuses(Parameters readiness) {
        return readiness.getParameter().stream()
                .filter(parameter -> parameter.getName().equals("check"))
                .collect(Collectors.toMap(DischargeIT::checkCode, check -> part(check, "status").primitiveValue()));
    }

    private static String checkCode(ParametersParameterComponent check) {
        return ((org.hl7.fhir.r4.model.Coding) part(check, "code")).getCode();
    }

    private static org.hl7.fhir.r4.model.Type part(ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(part -> part.getName().equals(name)).findFirst().orElseThrow()
                .getValue();
    }

    /** The patient's follow-up Tasks by task-type code. */
    private static Map<String, Task> followUpTasks(Stay stay) {
        Bundle bundle = search("/Task?patient=" + stay.patient() + "&status=requested&focus=" + stay.encounter());
        return bundle.getEntry().stream().map(entry -> (Task) entry.getResource())
                .collect(Collectors.toMap(task -> task.getCode().getCodingFirstRep().getCode(), task -> task));
    }

    private static Encounter read(String encounter) {
        Response response = fhir().get("/" + encounter);
        response.then().statusCode(200);
        return FHIR.newJsonParser().parseResource(Encounter.class, response.asString());
    }

    private static String due(Task task) {
        return task.getRestriction().getPeriod().getEndElement().getValueAsString();
    }

    private static List<Observation> laceObservations(Stay stay) {
        return search("/Observation?encounter=" + stay.encounter() + "&code=" + READMISSION_RISK + "|lace")
                .getEntry().stream().map(entry -> (Observation) entry.getResource()).toList();
    }

    /** The reference of the first resource a search finds. */
    private static String firstFound(String query) {
        return search(query).getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
    }

    private static Bundle search(String query) {
        Response response = fhir().get(query);
        response.then().statusCode(200);
        return FHIR.newJsonParser().parseResource(Bundle.class, response.asString());
    }
}
