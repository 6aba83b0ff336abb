package health.continuum.transition;

import health.continuum.transition.DischargeContext.EncounterSummary;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which discharges qualify for CMS Transitional Care Management: an inpatient or observation stay, discharged to a
 * community setting (care-coordination.md, "Eligible discharges").
 *
 * @param encounterClasses v3 ActCode encounter classes that count as an eligible stay
 * @param ineligibleDispositions HL7 discharge-disposition codes that rule TCM out
 */
public record TcmEligibility(Set<String> encounterClasses, Set<String> ineligibleDispositions) {

    /**
     * Inpatient, inpatient acute, inpatient non-acute and observation stays. Ineligible: expired ({@code exp}), hospice
     * ({@code hosp}) and every transfer to another facility: the code system has no code of its own for an acute
     * hospital, which falls under {@code other-hcf}, and {@code psy}, {@code rehab}, {@code snf} and {@code long}
     * are no community setting either.
     */
    public static final TcmEligibility DEFAULT = new TcmEligibility(
            Set.of("IMP", "ACUTE", "NONAC", "OBSENC"),
            Set.of("exp", "hosp", "other-hcf", "psy", "rehab", "snf", "long"));

    public TcmEligibility {
        encounterClasses = Set.copyOf(encounterClasses);
        ineligibleDispositions = Set.copyOf(ineligibleDispositions);
    }

    public boolean isEligible(EncounterSummary encounter) {
        return whyIneligible(encounter).isEmpty();
    }

    /** Why the encounter is not TCM-eligible, or empty. A missing disposition (not discharged yet) passes. */
    public Optional<String> whyIneligible(EncounterSummary encounter) {
        if (encounter.classCode() == null || !encounterClasses.contains(encounter.classCode())) {
            return Optional.of("encounter class '" + encounter.classCode() + "' is not TCM-eligible (eligible: "
                    + String.join(", ", new TreeSet<>(encounterClasses)) + ")");
        }
        String disposition = encounter.dischargeDisposition();
        if (disposition != null && ineligibleDispositions.contains(disposition)) {
            return Optional.of("discharge disposition '" + disposition + "' is not TCM-eligible");
        }
        return Optional.empty();
    }
}
