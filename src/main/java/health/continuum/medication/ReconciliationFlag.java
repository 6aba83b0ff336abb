package health.continuum.medication;

/** How an encounter's orders relate to the patient's prior medications (Joint Commission NPSG.03.06.01 EP3). */
public enum ReconciliationFlag {
    /** An order continues a prior medication unchanged. */
    CONTINUED,
    /** An order for a medication not on the prior list. */
    NEW,
    /** An order for a prior medication with different ingredients, dose, route or frequency. */
    CHANGED,
    /** An explicit stop order (status stopped or cancelled). */
    STOPPED,
    /** A prior medication that no order and no stop order addresses. */
    OMITTED
}
