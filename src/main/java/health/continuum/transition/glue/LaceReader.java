package health.continuum.transition.glue;

import static health.continuum.transition.glue.RecordSearches.byPatient;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.canonical.Coding;
import health.continuum.transition.CharlsonIndex;
import health.continuum.transition.DischargeContext.EncounterSummary;
import health.continuum.transition.LaceIndex;
import health.continuum.transition.LaceInput;
import health.continuum.transition.LaceResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.springframework.stereotype.Component;

/** Scores a stay's LACE readmission risk from the patient's stored emergency visits and ICD-10 Conditions. */
@Component
class LaceReader {

    private static final int EMERGENCY_LOOKBACK_MONTHS = 6; // LACE "E": ED visits in the 6 months before admission
    // care-coordination.md: "a preceding EMER encounter" makes the admission emergent; preceding = ended within a day
    private static final long PRECEDING_EMERGENCY_HOURS = 24;
    // condition-ver-status codes that say the patient does not have the condition; a HashSet answers a null code too
    private static final Set<String> WITHDRAWN_DIAGNOSIS = new HashSet<>(List.of("refuted", "entered-in-error"));

    private final RecordSearches searches;
    private final ResourceSummaries summaries;
    private final ZoneId zone;
    private final CharlsonIndex charlson = CharlsonIndex.quan2005();

    LaceReader(RecordSearches searches, ResourceSummaries summaries, CalendarProperties calendar) {
        this.searches = searches;
        this.summaries = summaries;
        this.zone = calendar.timeZone();
    }

    LaceResult score(String patient, EncounterSummary stay, Instant discharge) {
        Instant admission = stay.start() != null ? stay.start() : discharge;
        if (discharge.isBefore(admission)) {
            throw new UnprocessableEntityException("Discharge " + discharge + " is before admission " + admission);
        }
        List<Instant> emergencyVisits = emergencyVisitsBefore(patient, admission, stay.reference());
        boolean precededByEmergency = emergencyVisits.stream()
                .anyMatch(end -> !end.isBefore(admission.minus(PRECEDING_EMERGENCY_HOURS, ChronoUnit.HOURS)));
        return LaceIndex.score(new LaceInput(admission, discharge,
                stay.admittedFromEmergency() || precededByEmergency, charlsonScore(patient),
                emergencyVisits.size()), zone);
    }

    /** Ends (else starts) of the patient's EMER encounters in the 6 months before admission, other than this one. */
    private List<Instant> emergencyVisitsBefore(String patient, Instant admission, String self) {
        Date from = Date.from(admission.atZone(zone).minusMonths(EMERGENCY_LOOKBACK_MONTHS).toInstant());
        DateRangeParam window = new DateRangeParam(
                new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from),
                new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(admission)));
        return searches.search(Encounter.class, byPatient(patient).add("class", new TokenParam("EMER"))
                .add("date", window)).stream()
                .filter(visit -> !ResourceSummaries.reference(visit).equals(self))
                .map(visit -> Optional.ofNullable(summaries.instant(visit.getPeriod().getEndElement()))
                        .orElse(summaries.instant(visit.getPeriod().getStartElement())))
                .filter(time -> time != null && !time.isAfter(admission))
                .toList();
    }

    // Quan 2005 ICD-10 Charlson on the patient's ICD-10-coded Conditions (it scores no other system), except those
    // refuted or entered in error
    private int charlsonScore(String patient) {
        TokenOrListParam icd10 = new TokenOrListParam();
        CharlsonIndex.SCORED_SYSTEMS.forEach(system -> icd10.addOr(new TokenParam(system, null)));
        List<Coding> codes = searches.search(Condition.class, byPatient(patient).add("code", icd10)).stream()
                .filter(condition -> condition.getVerificationStatus().getCoding().stream()
                        .noneMatch(status -> WITHDRAWN_DIAGNOSIS.contains(status.getCode())))
                .flatMap(condition -> ResourceSummaries.codes(List.of(condition.getCode())).stream())
                .toList();
        return charlson.score(codes).score();
    }
}
