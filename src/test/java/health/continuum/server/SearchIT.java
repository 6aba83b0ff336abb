package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.CoordinationFixtures;
import health.continuum.support.FhirServerIT;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIT extends FhirServerIT {

    @Test
    void standardParameterFindsByFamilyName() {
        String family = "Fam" + unique().substring(0, 8);
        create("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}");
        create("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Other" + family + "\"}]}");

        fhir().get("/Patient?family:exact=" + family).then()
                .statusCode(200)
                .body("type", equalTo("searchset"))
                .body("total", equalTo(1))
                .body("entry[0].resource.name[0].family", equalTo(family));
    }

    @Test
    void chainedSearchFindsObservationBySubjectIdentifier() {
        String identifier = unique();
        String patient = createPatient(identifier);
        String observation = create(observation(patient, "2024-01-01"));
        createPatient(unique()); // a second patient whose data must not appear

        JsonPath bundle = fhir().get("/Observation?subject.identifier=urn:continuum:test|" + identifier)
                .then().statusCode(200).extract().jsonPath();
        assertThat(bundle.getInt("total")).isEqualTo(1);
        assertThat("Observation/" + bundle.getString("entry[0].resource.id")).isEqualTo(observation);
    }

    @Test
    void includeAndRevincludeFollowCarePlanCareTeam() {
        String patient = createPatient(unique());
        String coordinator = create(CoordinationFixtures.practitioner("Coordinator"));
        String careTeam = create(CoordinationFixtures.careTeam(patient, coordinator, coordinator));
        String carePlan = create(CoordinationFixtures.carePlan(patient, careTeam, create(CoordinationFixtures.goal(patient))));

        JsonPath included = fhir().get("/CarePlan?patient=" + patient + "&_include=CarePlan:care-team")
                .then().statusCode(200).extract().jsonPath();
        assertThat(included.getList("entry.search.mode")).containsExactlyInAnyOrder("match", "include");
        assertThat(references(included)).containsExactlyInAnyOrder(carePlan, careTeam);

        JsonPath revincluded = fhir().get("/CareTeam?patient=" + patient + "&_revinclude=CarePlan:care-team")
                .then().statusCode(200).extract().jsonPath();
        assertThat(references(revincluded)).containsExactlyInAnyOrder(carePlan, careTeam);
    }

    @Test
    void sortOrdersByDateBothWays() {
        String patient = createPatient(unique());
        for (String date : List.of("2024-03-01", "2024-01-01", "2024-02-01")) {
            create(observation(patient, date));
        }
        assertThat(fhir().get("/Observation?subject=" + patient + "&_sort=date").jsonPath()
                .getList("entry.resource.effectiveDateTime"))
                .containsExactly("2024-01-01", "2024-02-01", "2024-03-01");
        assertThat(fhir().get("/Observation?subject=" + patient + "&_sort=-date").jsonPath()
                .getList("entry.resource.effectiveDateTime"))
                .containsExactly("2024-03-01", "2024-02-01", "2024-01-01");
    }

    @Test
    void countPagesThroughNextLinksUntilEveryResultIsSeen() {
        String patient = createPatient(unique());
        List<String> expected = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            expected.add(create(observation(patient, "2024-05-0" + day)));
        }

        List<String> seen = new ArrayList<>();
        JsonPath page = fhir().get("/Observation?subject=" + patient + "&_count=2&_sort=date")
                .then().statusCode(200).extract().jsonPath();
        int pages = 1;
        while (true) {
            assertThat(page.getList("entry").size()).isLessThanOrEqualTo(2);
            seen.addAll(references(page));
            String next = page.getString("link.find { it.relation == 'next' }.url");
            if (next == null) {
                break;
            }
            page = fhir().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    static String observation(String patient, String date) {
        return """
                {"resourceType":"Observation","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},
                 "subject":{"reference":"%s"},"effectiveDateTime":"%s",
                 "valueQuantity":{"value":72,"unit":"/min","system":"http://unitsofmeasure.org","code":"/min"}}"""
                .formatted(patient, date);
    }

    static List<String> references(JsonPath bundle) {
        List<String> types = bundle.getList("entry.resource.resourceType");
        List<String> ids = bundle.getList("entry.resource.id");
        List<String> references = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            references.add(types.get(i) + "/" + ids.get(i));
        }
        return references;
    }
}
