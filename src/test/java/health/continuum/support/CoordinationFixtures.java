package health.continuum.support;

/**
 * JSON of resources that conform to the Continuum profiles (fhir-profiles/), for tests that need valid coordination
 * data. Every method returns a resource body; {@link FhirServerIT#create} stores it.
 */
public final class CoordinationFixtures {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String TASK_TYPE = "https://continuum.health/fhir/CodeSystem/task-type";
    public static final String CASE_MANAGER = "768832004";
    public static final String PRIMARY_CARE_PROVIDER = "453231000124104";

    private CoordinationFixtures() {}

    public static String practitioner(String family) {
        return """
                {"resourceType":"Practitioner","name":[{"family":"%s"}]}""".formatted(family);
    }

    /** An active care team with the coordinator (Case manager) and a PCP. */
    public static String careTeam(String patient, String coordinator, String pcp) {
        return """
                {"resourceType":"CareTeam","status":"active","subject":{"reference":"%s"},"participant":[
                  {"role":[{"coding":[{"system":"%s","code":"%s","display":"Case manager"}]}],"member":{"reference":"%s"}},
                  {"role":[{"coding":[{"system":"%s","code":"%s","display":"Primary care provider"}]}],"member":{"reference":"%s"}}]}"""
                .formatted(patient, SNOMED, CASE_MANAGER, coordinator, SNOMED, PRIMARY_CARE_PROVIDER, pcp);
    }

    public static String goal(String patient) {
        return """
                {"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"Stay at home, no readmission"},
                 "subject":{"reference":"%s"},"expressedBy":{"reference":"%s"},"startDate":"2025-01-10"}"""
                .formatted(patient, patient);
    }

    public static String carePlan(String patient, String careTeam, String goal) {
        return """
                {"resourceType":"CarePlan","status":"active","intent":"plan",
                 "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]}],
                 "subject":{"reference":"%s"},"period":{"start":"2025-01-10"},
                 "careTeam":[{"reference":"%s"}],"goal":[{"reference":"%s"}]}"""
                .formatted(patient, careTeam, goal);
    }

    /** An active medication the patient takes, identified by an RxNorm ingredient code. */
    public static String medicationStatement(String patient, String rxcui, String name) {
        return """
                {"resourceType":"MedicationStatement","status":"active","subject":{"reference":"%s"},
                 "medicationCodeableConcept":{"coding":[{"system":"%s","code":"%s","display":"%s"}],"text":"%s"},
                 "effectiveDateTime":"2025-01-10","dateAsserted":"2025-01-10","informationSource":{"reference":"%s"},
                 "dosage":[{"text":"as directed"}]}"""
                .formatted(patient, RXNORM, rxcui, name, name, patient);
    }

    /** A coordination task of a Continuum task type, for the patient. */
    public static String task(String patient, String taskType, String status, String owner, String due) {
        return """
                {"resourceType":"Task","status":"%s","intent":"order",
                 "code":{"coding":[{"system":"%s","code":"%s"}]},"for":{"reference":"%s"},
                 "authoredOn":"2025-01-10T09:00:00Z","owner":{"reference":"%s"},
                 "restriction":{"period":{"end":"%s"}}}"""
                .formatted(status, TASK_TYPE, taskType, patient, owner, due);
    }
}
