package health.continuum.canonical;

/** The codes of external code systems that Continuum's rules look for and its resources carry, each declared once. */
public final class StandardCodes {

    /** LOINC "History of Medication use Narrative": the code of a medication reconciliation List (PACIO SMP, IPS). */
    public static final Coding MEDICATION_HISTORY = new Coding(
            CodeSystems.LOINC, "10160-0", "History of Medication use Narrative");
    /** LOINC "Hospital discharge instructions": a DocumentReference or Communication carrying them. */
    public static final Coding DISCHARGE_INSTRUCTIONS = Coding.loinc("8653-8");
    /** SNOMED CT "Case manager": the care coordinator's role in a CareTeam (care-coordination.md). */
    public static final Coding CASE_MANAGER = Coding.snomed("768832004");
    /** SNOMED CT "Primary care provider" (care-coordination.md, Codes). */
    public static final Coding PRIMARY_CARE_PROVIDER = Coding.snomed("453231000124104");

    private StandardCodes() {}
}
