package health.continuum.medication;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * A medication on one side of a reconciliation: a prior (home) medication such as a MedicationStatement, or an encounter order
 * such as a MedicationRequest. Status uses the FHIR status codes of the resource.
 */
public record ReconciliationEntry(String reference, Set<String> ingredientRxcuis, Dosage dosage, String status) {

    public ReconciliationEntry {
        Objects.requireNonNull(reference, "reference");
        ingredientRxcuis = Set.copyOf(ingredientRxcuis);
        dosage = dosage == null ? Dosage.UNSPECIFIED : dosage;
    }

    public static ReconciliationEntry of(IdentifiedMedication medication, Dosage dosage, String status) {
        return new ReconciliationEntry(medication.medication().reference(), medication.ingredientRxcuis(), dosage, status);
    }

    /** An explicit order to stop (MedicationRequest status stopped or cancelled). */
    public boolean isStopOrder() {
        return "stopped".equals(status) || "cancelled".equals(status);
    }

    boolean isEnteredInError() {
        return "entered-in-error".equals(status);
    }

    boolean sharesIngredientWith(ReconciliationEntry other) {
        return !Collections.disjoint(ingredientRxcuis, other.ingredientRxcuis);
    }
}
