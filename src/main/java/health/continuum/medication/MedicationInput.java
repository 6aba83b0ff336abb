package health.continuum.medication;

import health.continuum.canonical.Coding;
import java.util.List;
import java.util.Objects;

/**
 * A medication as the caller holds it: an opaque reference (e.g. "MedicationStatement/12"), its codings, its free text,
 * its dosage, and what kind of record it is, which decides whether an order replaces it.
 *
 * @param encounter the encounter an order was written in, or null
 */
public record MedicationInput(String reference, List<Coding> codings, String text, Dosage dosage, Kind kind,
                              String encounter) {

    /** The record a medication comes from. */
    public enum Kind {
        /** A MedicationStatement: what the patient takes, the prior list of a reconciliation. */
        STATEMENT,
        /** A MedicationRequest: an order. */
        ORDER,
        /** Not known to the caller. */
        UNKNOWN
    }

    public MedicationInput {
        Objects.requireNonNull(reference, "reference");
        codings = codings == null ? List.of() : List.copyOf(codings);
        dosage = dosage == null ? Dosage.UNSPECIFIED : dosage;
        kind = kind == null ? Kind.UNKNOWN : kind;
    }

    public MedicationInput(String reference, List<Coding> codings, String text) {
        this(reference, codings, text, Dosage.UNSPECIFIED, Kind.UNKNOWN, null);
    }

    /** An order of an encounter, which a reconciliation compares with the prior list. */
    boolean isEncounterOrder() {
        return kind == Kind.ORDER && encounter != null;
    }
}
