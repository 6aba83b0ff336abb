package health.continuum.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completed responses to the shipped instruments are scored on write, over HTTP, and their Observations stored. */
class AssessmentScoringIT extends FhirServerIT {

    private static final String PHQ9 = "https://continuum.health/fhir/Questionnaire/phq-9";
    private static final List<String> PHQ9_ITEMS = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
            "44258-2", "44252-5", "44253-3", "44260-8");
    // Not at all, several days, more than half the days, nearly every day: 0-3 (Kroenke 2001)
    private static final List<String> ANSWERS = List.of("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");

    @Test
    void aCompletedPhq9IsScoredIntoOneObservationPerItemAndTheTotalOnce() {
        String patient = createPatient(unique());
        // 3+3+2+1+0+0+1+0+0 = 10: moderate, a positive screen
        String response = phq9(patient, "completed", List.of(3, 3, 2, 1, 0, 0, 1, 0, 0));

        JsonPath outcome = fhir().header("Prefer", "return=OperationOutcome").body(response)
                .post("/QuestionnaireResponse").then().statusCode(201).extract().jsonPath();
        assertThat(outcome.getList("issue.diagnostics", String.class))
                .anySatisfy(text -> assertThat(text).contains("total 10", "moderate", "positive screen"));
        String stored = "QuestionnaireResponse/" + outcome.getString("issue[0].diagnostics")
                .replaceAll(".*QuestionnaireResponse/([^/]+)/.*", "$1");

        JsonPath scores = scoresOf(stored);
        assertThat(scores.getInt("total")).isEqualTo(10);
        JsonPath total = totalOf(stored);
        assertThat(total.getInt("entry[0].resource.valueInteger")).isEqualTo(10);
        assertThat(total.getString("entry[0].resource.interpretation[0].text")).isEqualTo("moderate (positive screen)");
        assertThat(total.getString("entry[0].resource.subject.reference")).isEqualTo(patient);
        assertThat(total.getList("entry[0].resource.hasMember")).hasSize(9);
        assertThat(total.getString("entry[0].resource.category[0].coding[0].code")).isEqualTo("survey");

        // A positive screen: one review Task for the coordinator, focus the total, conformant to the Continuum Task
        String totalScore = "Observation/" + total.getString("entry[0].resource.id");
        JsonPath review = fhir().get("/Task?focus=" + totalScore).then().statusCode(200).extract().jsonPath();
        assertThat(review.getInt("total")).isEqualTo(1);
        assertThat(review.getString("entry[0].resource.code.coding[0].code")).isEqualTo("review-positive-screen");
        assertThat(review.getString("entry[0].resource.for.reference")).isEqualTo(patient);
        assertThat(review.getString("entry[0].resource.status")).isEqualTo("requested");
        assertThat(review.getString("entry[0].resource.restriction.period.end")).isNotBlank();
        String task = "Task/" + review.getString("entry[0].resource.id");
        assertThat(validationErrors(task, "https://continuum.health/fhir/StructureDefinition/continuum-task")).isEmpty();
        assertThat(validationErrors(totalScore, "http://hl7.org/fhir/StructureDefinition/Observation")).isEmpty();

        // Scored again on an unchanged update: the same ten Observations, no second review
        fhir().body(response.replaceFirst("\\{", "{\"id\":\"" + stored.split("/")[1] + "\",")).put("/" + stored)
                .then().statusCode(200);
        assertThat(scoresOf(stored).getInt("total")).isEqualTo(10);
        fhir().get("/Task?focus=" + totalScore).then().body("total", equalTo(1));

        // A response entered in error takes its scores with it: they are no result of the patient's any more
        fhir().body(response.replaceFirst("\\{", "{\"id\":\"" + stored.split("/")[1] + "\",")
                        .replace("\"status\":\"completed\"", "\"status\":\"entered-in-error\""))
                .put("/" + stored).then().statusCode(200);
        assertThat(scoresOf(stored).getList("entry.resource.status", String.class))
                .hasSize(10).containsOnly("entered-in-error");
        fhir().get("/" + patient + "/$assessment").then()
                .body("parameter[1].part.find { it.name == 'status' }.valueCode", equalTo("missing"));

        // Deleting the response deletes its scores, which would otherwise block it
        fhir().delete("/" + stored).then().statusCode(200);
        assertThat(scoresOf(stored).getInt("total")).isZero();
    }

    @Test
    void aNegativeScreenIsScoredWithoutAReviewTask() {
        String patient = createPatient(unique());
        String stored = create(phq9(patient, "completed", List.of(1, 1, 1, 1, 0, 0, 0, 0, 0)));

        JsonPath total = totalOf(stored);
        assertThat(total.getInt("entry[0].resource.valueInteger")).isEqualTo(4);
        assertThat(total.getString("entry[0].resource.interpretation[0].text")).isEqualTo("none-minimal");
        fhir().get("/Task?patient=" + patient).then().body("total", equalTo(0));
    }

    @Test
    void aCompletedResponseMissingAnItemOrWithAWrongAnswerIsRefusedNamingItAndStoresNothing() {
        String patient = createPatient(unique());
        String missingItem9 = phq9(patient, "completed", List.of(1, 1, 1, 1, 1, 1, 1, 1))
                .replace("\"item\":[", "\"identifier\":{\"system\":\"urn:continuum:test\",\"value\":\"m\"},\"item\":[");

        fhir().body(missingItem9).post("/QuestionnaireResponse").then().statusCode(422)
                .body("issue[0].diagnostics", equalTo("Item 44260-8 ('Thoughts that you would be better off dead, or"
                        + " of hurting yourself in some way') has no answer: a completed Patient Health"
                        + " Questionnaire-9 (PHQ-9) answers every item"));
        fhir().body(phq9(patient, "completed", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)).replace("LA6569-3\"}}]}]}",
                "LA18938-3\"}}]}]}")).post("/QuestionnaireResponse").then().statusCode(422)
                .body("issue.expression.flatten()", hasItem("QuestionnaireResponse.item[8].answer[0].value.ofType(Coding)"))
                .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("LA18938-3 is not one of its answers"));

        fhir().get("/QuestionnaireResponse?subject=" + patient).then().body("total", equalTo(0));
        fhir().get("/Observation?subject=" + patient).then().body("total", equalTo(0));
    }

    @Test
    void anInProgressResponseIsStoredUnscoredAndATransactionWithAnUnscorableOneStoresNothing() {
        String patient = createPatient(unique());
        create(phq9(patient, "in-progress", List.of(2, 2)));
        fhir().get("/Observation?subject=" + patient).then().body("total", equalTo(0));

        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"resource":%s,"request":{"method":"POST","url":"QuestionnaireResponse"}},
                  {"resource":%s,"request":{"method":"POST","url":"QuestionnaireResponse"}}]}"""
                .formatted(phq9(patient, "completed", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)),
                        phq9(patient, "completed", List.of(0, 0, 0)));
        fhir().body(bundle).post("/").then().statusCode(422);
        fhir().get("/QuestionnaireResponse?subject=" + patient).then().body("total", equalTo(1));
        fhir().get("/Observation?subject=" + patient).then().body("total", equalTo(0));
    }

    @Test
    void theAssessmentShowsEachDomainsLatestResultsFromScoredResponsesAndFromAnEhrsObservations() {
        String patient = createPatient(unique());
        create(phq9(patient, "completed", List.of(3, 3, 2, 1, 0, 0, 1, 0, 0)));
        // An EHR's GAD-7 total of two years ago, and an entered-in-error PHQ-9 total that is no result
        String gad7 = create(totalScore(patient, "70274-6", "final", "2024-11-01T10:00:00Z", 12));
        create(totalScore(patient, "44261-6", "entered-in-error", "2026-12-02T10:00:00Z", 27));

        JsonPath assessment = fhir().get("/" + patient + "/$assessment").then().statusCode(200).extract().jsonPath();

        assertThat(assessment.getList("parameter.collect { d -> d.part.find { it.name == 'code' }.valueCode }"))
                .containsExactly("medical", "behavioral", "social", "functional");
        assertThat(assessment.getList("parameter.collect { d -> d.part.find { it.name == 'status' }.valueCode }"))
                .containsExactly("missing", "current", "missing", "missing");
        List<java.util.Map<String, Object>> results =
                assessment.getList("parameter[1].part.findAll { it.name == 'result' }");
        assertThat(results).hasSize(2);
        assertThat(resultPart(results.get(0), "title")).isEqualTo("Patient Health Questionnaire-9 (PHQ-9)");
        assertThat(resultPart(results.get(0), "score")).isEqualTo(10);
        assertThat(resultPart(results.get(0), "band")).isEqualTo("moderate");
        assertThat(resultPart(results.get(0), "positive")).isEqualTo(true);
        assertThat(resultPart(results.get(1), "score")).isEqualTo(12);
        assertThat(resultPart(results.get(1), "band")).isEqualTo("moderate");
        assertThat(((java.util.Map<?, ?>) resultPart(results.get(1), "evidence")).get("reference")).isEqualTo(gad7);
    }

    @Test
    void aDomainWithOnlyOldResultsIsOutdatedAndAnUnknownPatientIsNotFound() {
        String patient = createPatient(unique());
        create(totalScore(patient, "55758-7", "final", "2023-05-01T10:00:00Z", 1));

        fhir().get("/" + patient + "/$assessment").then().statusCode(200)
                .body("parameter[1].part.find { it.name == 'status' }.valueCode", equalTo("outdated"));
        fhir().get("/Patient/" + unique() + "/$assessment").then().statusCode(404);
    }

    private static Object resultPart(java.util.Map<String, Object> result, String name) {
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> parts = (List<java.util.Map<String, Object>>) result.get("part");
        java.util.Map<String, Object> part = parts.stream().filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow();
        return part.entrySet().stream().filter(entry -> entry.getKey().startsWith("value")).findFirst()
                .orElseThrow().getValue();
    }

    private static String totalScore(String patient, String code, String status, String date, int total) {
        return """
                {"resourceType":"Observation","status":"%s",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category",
                   "code":"survey"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},"subject":{"reference":"%s"},
                 "effectiveDateTime":"%s","valueQuantity":{"value":%d,"unit":"{score}",
                   "system":"http://unitsofmeasure.org","code":"{score}"}}""".formatted(status, code, patient, date,
                total);
    }

    private static JsonPath scoresOf(String response) {
        return fhir().get("/Observation?derived-from=" + response).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath totalOf(String response) {
        return fhir().get("/Observation?derived-from=" + response + "&code=http://loinc.org|44261-6").then()
                .statusCode(200).extract().jsonPath();
    }

    private static String phq9(String patient, String status, List<Integer> scores) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < scores.size(); i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"linkId":"%s","answer":[{"valueCoding":{"system":"http://loinc.org","code":"%s"}}]}"""
                    .formatted(PHQ9_ITEMS.get(i), ANSWERS.get(scores.get(i))));
        }
        return """
                {"resourceType":"QuestionnaireResponse","status":"%s","questionnaire":"%s",
                 "subject":{"reference":"%s"},"author":{"reference":"%s"},"authored":"2026-12-01T10:00:00Z",
                 "item":[%s]}""".formatted(status, PHQ9, patient, patient, items);
    }
}
