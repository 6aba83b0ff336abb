package health.continuum.medication;

import health.continuum.canonical.Coding;
import java.util.List;

/**
 * What a contextual interaction rule reads about the patient, beyond the medications.
 *
 * @param ageInYears completed years today, or null when the birth date is not known
 * @param conditions the codes of the patient's recorded Conditions (any clinical status; refuted and entered in error
 *     left out by the caller)
 */
public record PatientContext(Integer ageInYears, List<Coding> conditions) {

    public static final PatientContext UNKNOWN = new PatientContext(null, List.of());

    public PatientContext {
        conditions = List.copyOf(conditions);
    }
}
