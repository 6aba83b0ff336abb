package health.continuum.bench.workload;

import health.continuum.bench.BenchException;
import health.continuum.bench.Log;
import health.continuum.bench.cohort.Cohort;
import health.continuum.bench.cohort.CohortBundle;
import health.continuum.bench.fhir.Bundles;
import health.continuum.bench.fhir.FhirClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cohort's patient with the most data, and the care-coordination record every workload works on, created
 * through the API after the cohort: a care team with a coordinator, a goal and a care plan; 30 Tasks the
 * coordinator owns (20 open, 10 completed); 20 active medications. Made in every pass whichever workloads run,
 * so a run of some workloads measures the same record as a full run.
 */
public record PatientRecord(String patientId, String practitionerId, String carePlan, List<String> activeMedications) {

    private record Medication(String rxcui, String name) {}

    /** Ingredients between which the knowledge base finds nothing: a write costs the comparison, not findings. */
    private static final List<Medication> MEDICATIONS = List.of(new Medication("29046", "lisinopril"),
            new Medication("6809", "metformin"), new Medication("83367", "atorvastatin"),
            new Medication("6918", "metoprolol"), new Medication("4603", "furosemide"),
            new Medication("10582", "levothyroxine"), new Medication("161", "acetaminophen"),
            new Medication("7646", "omeprazole"), new Medication("519", "allopurinol"),
            new Medication("274783", "insulin glargine"), new Medication("25480", "gabapentin"),
            new Medication("1191", "aspirin"), new Medication("32968", "clopidogrel"),
            new Medication("3407", "digoxin"), new Medication("8591", "potassium chloride"),
            new Medication("36437", "sertraline"), new Medication("8640", "prednisone"),
            new Medication("1364430", "apixaban"), new Medication("52175", "losartan"),
            new Medication("9997", "spironolactone"));
    private static final int TASKS = 30;

    public static PatientRecord create(FhirClient fhir, Cohort cohort) {
        CohortBundle largest = cohort.largestPatient()
                .orElseThrow(() -> new BenchException("no bundle of the cohort has a Patient with an identifier"));
        String token = URLEncoder.encode(largest.patientIdentifier(), StandardCharsets.UTF_8);
        String patientId = firstId(fhir, "Patient?identifier=" + token + "&_elements=id",
                "the cohort's largest patient (" + largest.patientIdentifier() + ") is not on the server");
        String practitionerId = firstId(fhir, "Practitioner?_count=1&_elements=id",
                "no Practitioner on the server: were the practitionerInformation bundles loaded?");
        String patient = "Patient/" + patientId;
        String practitioner = "Practitioner/" + practitionerId;
        Log.info("workload data for " + patient + " (" + largest.entries() + " resources in its bundle)");

        String team = fhir.create("CareTeam", ResourceBodies.careTeam(patient, practitioner));
        String goal = fhir.create("Goal", ResourceBodies.goal(patient));
        String carePlan = ResourceBodies.carePlan(patient, team, goal);
        fhir.create("CarePlan", carePlan);
        for (int i = 1; i <= TASKS; i++) {
            String status = switch (i % 3) {
                case 0 -> "completed";
                case 1 -> "requested";
                default -> "in-progress";
            };
            String day = String.format("%02d", i % 28 + 1);
            fhir.create("Task", ResourceBodies.task(i, status, day, patient, practitioner));
        }
        List<String> medications = new ArrayList<>();
        for (Medication medication : MEDICATIONS) {
            medications.add(fhir.create("MedicationStatement", ResourceBodies.medicationStatement("active", patient,
                    medication.rxcui(), medication.name(), "as directed")));
        }
        return new PatientRecord(patientId, practitionerId, carePlan, List.copyOf(medications));
    }

    public String patient() {
        return "Patient/" + patientId;
    }

    public String practitioner() {
        return "Practitioner/" + practitionerId;
    }

    private static String firstId(FhirClient fhir, String search, String missing) {
        List<String> ids = Bundles.ids(fhir.expect("GET", search, null));
        if (ids.isEmpty()) {
            throw new BenchException(missing);
        }
        return ids.get(0);
    }
}
