package health.continuum.transition;

/**
 * The code systems Continuum defines itself. The conformance package must publish a CodeSystem resource for each URL,
 * with exactly the codes of the enums below.
 */
public final class ContinuumCodes {

    public static final String TASK_TYPE = "https://continuum.health/fhir/CodeSystem/task-type";
    public static final String DISCHARGE_READINESS_CHECK =
            "https://continuum.health/fhir/CodeSystem/discharge-readiness-check";
    /** No LOINC or SNOMED CT code exists for the LACE index or its letters, so Continuum defines them. */
    public static final String READMISSION_RISK = "https://continuum.health/fhir/CodeSystem/readmission-risk";

    private ContinuumCodes() {}

    /** Codes of {@link #TASK_TYPE}, carried in Task.code. */
    public enum TaskType {
        MEDICATION_RECONCILIATION("medication-reconciliation"),
        FOLLOW_UP_APPOINTMENT("follow-up-appointment"),
        POST_DISCHARGE_CONTACT("post-discharge-contact"),
        DISCHARGE_INSTRUCTIONS("discharge-instructions"),
        TEACH_BACK("teach-back"),
        REFERRAL("referral"),
        ASSESSMENT("assessment");

        private final String code;

        TaskType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public Code coding() {
            return new Code(TASK_TYPE, code);
        }
    }

    /** Codes of {@link #DISCHARGE_READINESS_CHECK}, one per readiness rule. */
    public enum ReadinessCheck {
        MEDICATION_RECONCILIATION("medication-reconciliation"),
        FOLLOW_UP_APPOINTMENT("follow-up-appointment"),
        DISCHARGE_INSTRUCTIONS("discharge-instructions"),
        CARE_TEAM("care-team"),
        CARE_PLAN("care-plan"),
        POST_DISCHARGE_CONTACT("post-discharge-contact");

        private final String code;

        ReadinessCheck(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public Code coding() {
            return new Code(DISCHARGE_READINESS_CHECK, code);
        }
    }

    /** Codes of {@link #READMISSION_RISK}: the LACE Observation's code and its components' codes. */
    public enum ReadmissionRisk {
        LACE("lace", "LACE index of 30-day readmission risk"),
        LACE_LENGTH_OF_STAY("lace-length-of-stay", "LACE L: length of stay points"),
        LACE_ACUITY("lace-acuity", "LACE A: acuity of admission points"),
        LACE_COMORBIDITY("lace-comorbidity", "LACE C: Charlson comorbidity points"),
        LACE_EMERGENCY_VISITS("lace-emergency-visits", "LACE E: emergency visits points");

        private final String code;
        private final String display;

        ReadmissionRisk(String code, String display) {
            this.code = code;
            this.display = display;
        }

        public String code() {
            return code;
        }

        public String display() {
            return display;
        }
    }
}
