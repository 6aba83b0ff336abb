package health.continuum.canonical;

/** The URLs of the external code systems Continuum reads or writes codes of; its own are in {@link ContinuumCodes}. */
public final class CodeSystems {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED_CT = "http://snomed.info/sct";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String ICD_10 = "http://hl7.org/fhir/sid/icd-10";
    /** HL7 v3 ActCode: DetectedIssue.code (DRG, DUPTHPY). */
    public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String ADMIT_SOURCE = "http://terminology.hl7.org/CodeSystem/admit-source";
    public static final String DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** FHIR R4 task-code: {@code fulfill} is a Gravity SDOH referral, asking its owner to fulfil the focus request. */
    public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";

    private CodeSystems() {}
}
