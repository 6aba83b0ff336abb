package health.continuum.canonical;

/**
 * The code systems Continuum defines itself. The conformance package publishes a CodeSystem for each URL below, with
 * exactly the codes of its enum: the enums nested here, or the capability enum its URL names.
 */
public final class ContinuumCodes {

    public static final String TASK_TYPE = Canonical.BASE + "/CodeSystem/task-type";
    public static final String DISCHARGE_READINESS_CHECK = Canonical.BASE + "/CodeSystem/discharge-readiness-check";
    /** No LOINC or SNOMED CT code exists for the LACE index or its letters, so Continuum defines them. */
    public static final String READMISSION_RISK = Canonical.BASE + "/CodeSystem/readmission-risk";
    /** Codes of health.continuum.medication.ReconciliationFlag, carried in List.entry.flag. */
    public static final String RECONCILIATION_FLAG = Canonical.BASE + "/CodeSystem/reconciliation-flag";
    public static final String DETECTED_ISSUE_MITIGATION = Canonical.BASE + "/CodeSystem/detected-issue-mitigation";

    private ContinuumCodes() {}

    /** Codes of {@link #TASK_TYPE}, carried in Task.code. */
    public enum TaskType {
        MEDICATION_RECONCILIATION("medication-reconciliation"),
        FOLLOW_UP_APPOINTMENT("follow-up-appointment"),
        POST_DISCHARGE_CONTACT("post-discharge-contact"),
        DISCHARGE_INSTRUCTIONS("discharge-instructions"),
        TEACH_BACK("teach-back"),
        REFERRAL("referral"),
        ASSESSMENT("assessment"),
        ASSIGN_CARE_COORDINATOR("assign-care-coordinator"),
        RESOLVE_COORDINATION_GAP("resolve-coordination-gap"),
        REFERRAL_FOLLOW_UP("referral-follow-up"),
        REVIEW_POSITIVE_SCREEN("review-positive-screen");

        private final String code;

        TaskType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
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

    /** Codes of {@link #DETECTED_ISSUE_MITIGATION}: what ended or answered a DetectedIssue, in mitigation.action. */
    public enum DetectedIssueMitigation {
        /** The prescriber documented a reason to go ahead despite the interaction. */
        OVERRIDE("override"),
        /** An implicated medication stopped, so the issue no longer applies. */
        MEDICATION_STOPPED("medication-stopped");

        private final String code;

        DetectedIssueMitigation(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
