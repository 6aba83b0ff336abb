package health.continuum.canonical;

/** The canonical base of everything Continuum defines: profiles, extensions, code systems, identifier systems. */
public final class Canonical {

    /** The {@code canonical} of the conformance package (fhir-profiles/package.json); every Continuum URL starts so. */
    public static final String BASE = "https://continuum.health/fhir";

    /** Extension whose valueString is the prescriber's reason to go ahead despite a high-severity interaction. */
    public static final String INTERACTION_OVERRIDE_EXTENSION = BASE + "/StructureDefinition/interaction-override";
    /** Encounter extension carrying a clinician's TCM complexity: valueCode {@code high} or {@code moderate}. */
    public static final String TCM_COMPLEXITY_EXTENSION = BASE + "/StructureDefinition/tcm-complexity";
    /** Task extension whose valueBoolean says whether the Task is overdue, set by $worklist as of the request. */
    public static final String TASK_OVERDUE_EXTENSION = BASE + "/StructureDefinition/task-overdue";
    /** System of the finding key in DetectedIssue.identifier, published as NamingSystem detected-issue-key. */
    public static final String DETECTED_ISSUE_KEY_SYSTEM = BASE + "/sid/detected-issue-key";

    private Canonical() {}
}
