package health.continuum.bench.workload;

/** The resources the workloads create, as FHIR JSON that conforms to the Continuum profiles (fhir-profiles/). */
public final class ResourceBodies {

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String TASK_TYPE = "https://continuum.health/fhir/CodeSystem/task-type";

    private ResourceBodies() {}

    /** The patient's care team, with the practitioner as its coordinator (Case manager). */
    public static String careTeam(String patient, String practitioner) {
        return """
                {"resourceType":"CareTeam","status":"active","name":"Discharge coordination",
                "subject":{"reference":"%s"},"participant":[{"role":[{"coding":[{"system":"%s",
                "code":"768832004","display":"Case manager"}]}],"member":{"reference":"%s"}}]}"""
                .formatted(patient, SNOMED, practitioner);
    }

    public static String goal(String patient) {
        return """
                {"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"No readmission"},
                "subject":{"reference":"%s"},"expressedBy":{"reference":"%s"},"startDate":"2025-01-02"}"""
                .formatted(patient, patient);
    }

    public static String carePlan(String patient, String careTeamId, String goalId) {
        return """
                {"resourceType":"CarePlan","status":"active","intent":"plan","title":"Post-discharge follow-up",
                "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category",
                "code":"assess-plan"}]}],"subject":{"reference":"%s"},"period":{"start":"2025-01-02"},
                "careTeam":[{"reference":"CareTeam/%s"}],"goal":[{"reference":"Goal/%s"}]}"""
                .formatted(patient, careTeamId, goalId);
    }

    /** A follow-up Task owned by the practitioner, authored and due on the given day of January / February. */
    public static String task(int number, String status, String day, String patient, String practitioner) {
        return """
                {"resourceType":"Task","status":"%s","intent":"order","description":"Follow-up %d",
                "code":{"coding":[{"system":"%s","code":"follow-up-appointment"}]},
                "for":{"reference":"%s"},"owner":{"reference":"%s"},"authoredOn":"2025-01-%sT09:00:00Z",
                "restriction":{"period":{"end":"2025-02-%sT17:00:00Z"}}}"""
                .formatted(status, number, TASK_TYPE, patient, practitioner, day, day);
    }

    /** A coordination Task of a worklist: its status, priority and due date as given. */
    public static String worklistTask(String status, String priority, String due, String patient, String owner) {
        return """
                {"resourceType":"Task","status":"%s","intent":"order","priority":"%s","description":"Worklist item",
                "code":{"coding":[{"system":"%s","code":"follow-up-appointment"}]},
                "for":{"reference":"%s"},"owner":{"reference":"%s"},"authoredOn":"2025-01-02T09:00:00Z",
                "restriction":{"period":{"end":"%s"}}}"""
                .formatted(status, priority, TASK_TYPE, patient, owner, due);
    }

    public static String medicationStatement(String status, String patient, String rxcui, String name,
            String dosage) {
        return """
                {"resourceType":"MedicationStatement","status":"%s","subject":{"reference":"%s"},
                "medicationCodeableConcept":{"coding":[{"system":"%s","code":"%s","display":"%s"}],"text":"%s"},
                "effectiveDateTime":"2025-01-02","dateAsserted":"2025-01-02","informationSource":{"reference":"%s"},
                "dosage":[{"text":"%s"}]}"""
                .formatted(status, patient, RXNORM, rxcui, name, name, patient, dosage);
    }

    /** A finished inpatient (IMP) stay of three days. */
    public static String finishedInpatientStay(String patient) {
        return """
                {"resourceType":"Encounter","status":"finished",
                "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP",
                "display":"inpatient encounter"},
                "subject":{"reference":"%s"},"period":{"start":"2025-01-01T08:00:00Z","end":"2025-01-04T11:00:00Z"}}"""
                .formatted(patient);
    }

    /** The resource with an id, for a PUT of it. */
    public static String withId(String json, String id) {
        return "{\"id\":\"" + id + "\"," + json.substring(1);
    }
}
