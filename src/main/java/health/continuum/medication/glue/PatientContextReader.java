package health.continuum.medication.glue;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.continuum.canonical.Coding;
import health.continuum.medication.PatientContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * What the contextual interaction rules read about a patient: age today and the codes of the recorded Conditions.
 * Read only when such a rule applies to a write (InteractionChecker asks lazily), never on every medication write.
 */
@Component
public class PatientContextReader {

    // A refuted or mistaken diagnosis is no history of it
    private static final Set<String> NOT_A_HISTORY = Set.of("refuted", "entered-in-error");

    private final MedicationRecords records;
    private final Clock clock;

    public PatientContextReader(MedicationRecords records) {
        this.records = records;
        this.clock = Clock.systemDefaultZone();
    }

    public PatientContext read(String patient) {
        Integer age = null;
        try {
            Patient resource = records.read(Patient.class, patient);
            if (resource.hasBirthDate()) {
                age = Period.between(latestBirthDay(resource.getBirthDateElement().getValueAsString()),
                        LocalDate.now(clock)).getYears();
            }
        } catch (ResourceNotFoundException notStoredYet) {
            // e.g. a medication written before its patient: the age stays unknown and the finding says so
        }
        SearchParameterMap conditions = SearchParameterMap.newSynchronous().add("subject", new ReferenceParam(patient));
        List<Coding> codes = records.search(Condition.class, conditions).stream()
                .map(Condition.class::cast)
                .filter(condition -> !condition.hasVerificationStatus()
                        || condition.getVerificationStatus().getCoding().stream()
                                .noneMatch(status -> NOT_A_HISTORY.contains(status.getCode())))
                .flatMap(condition -> condition.getCode().getCoding().stream())
                .map(coding -> new Coding(coding.getSystem(), coding.getCode(), coding.getDisplay()))
                .toList();
        return new PatientContext(age, codes);
    }

    // A partial birth date (1950, 1950-03) counts from its last day: the age is never overstated
    private static LocalDate latestBirthDay(String birthDate) {
        return switch (birthDate.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(birthDate), 12, 31);
            case 7 -> YearMonth.parse(birthDate).atEndOfMonth();
            default -> LocalDate.parse(birthDate);
        };
    }
}
