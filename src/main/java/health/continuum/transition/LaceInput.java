package health.continuum.transition;

import java.time.Instant;
import java.util.Objects;

/**
 * What LACE needs about one stay.
 *
 * @param emergent acute (emergent) admission: admit source {@code emd} or a preceding emergency encounter
 * @param charlsonScore Charlson comorbidity index, as computed by {@link CharlsonIndex}
 * @param emergencyVisits emergency department visits in the 6 months before admission
 */
public record LaceInput(
        Instant admission, Instant discharge, boolean emergent, int charlsonScore, int emergencyVisits) {

    public LaceInput {
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(discharge, "discharge");
        if (discharge.isBefore(admission)) {
            throw new IllegalArgumentException("discharge " + discharge + " is before admission " + admission);
        }
        if (charlsonScore < 0 || emergencyVisits < 0) {
            throw new IllegalArgumentException("Charlson score and emergency visits must not be negative");
        }
    }
}
