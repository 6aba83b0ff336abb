package health.continuum.transition;

/**
 * The code systems Continuum defines itself. The conformance package must publish a CodeSystem resource for each URL,
 * with exactly the codes of the enums below.
 */
public final class ContinuumCodes {

    public static final String TASK_TYPE = "https://continuum.health/fhir/CodeSystem/task-type";
    public static final String DISCHARGE_READINESS_CHECK =
            "https://continuum.health/fhir/CodeSystem/discharge-readiness-check";

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
}
