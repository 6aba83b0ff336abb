package health.continuum.medication;

/**
 * How an encounter's orders relate to the patient's prior medications (Joint Commission NPSG.03.06.01 EP3); the codes
 * of {@link health.continuum.canonical.ContinuumCodes#RECONCILIATION_FLAG}.
 */
public enum ReconciliationFlag {
    /** An order continues a prior medication unchanged. */
    CONTINUED("continued"),
    /** An order for a medication not on the prior list. */
    NEW("new"),
    /** An order for a prior medication with different ingredients, dose, route or frequency. */
    CHANGED("changed"),
    /** An explicit stop order (status stopped or cancelled). */
    STOPPED("stopped"),
    /** A prior medication that no order and no stop order addresses. */
    OMITTED("omitted");

    private final String code;

    ReconciliationFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
