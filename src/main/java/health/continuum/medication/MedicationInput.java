package health.continuum.medication;

import health.continuum.canonical.Coding;
import java.util.List;
import java.util.Objects;

/**
 * A medication as the caller holds it: an opaque reference (e.g. "MedicationStatement/12"), its codings and its free text.
 */
public record MedicationInput(String reference, List<Coding> codings, String text) {

    public MedicationInput {
        Objects.requireNonNull(reference, "reference");
        codings = codings == null ? List.of() : List.copyOf(codings);
    }
}
