package health.continuum.transition.glue;

import health.continuum.transition.BusinessDayClock;
import health.continuum.transition.DischargePolicy;
import health.continuum.transition.DischargeReadinessRules;
import health.continuum.transition.TcmEligibility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of transitions of care ({@code continuum.discharge.*}); defaults live in application.yaml.
 *
 * @param policy what an Encounter write that finishes a stay does when readiness checks fail
 * @param timeZone the zone whose calendar dates count TCM deadlines and LACE length of stay
 * @param holidays dates that are no business days for the 2-business-day TCM contact deadline
 * @param encounterClasses v3 ActCode encounter classes whose discharge is TCM-eligible
 * @param ineligibleDispositions HL7 discharge-disposition codes that rule TCM out
 */
@ConfigurationProperties("continuum.discharge")
public record DischargeProperties(
        DischargePolicy policy,
        ZoneId timeZone,
        List<LocalDate> holidays,
        Set<String> encounterClasses,
        Set<String> ineligibleDispositions) {

    public DischargeProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        encounterClasses = Set.copyOf(encounterClasses);
        ineligibleDispositions = Set.copyOf(ineligibleDispositions);
    }

    public BusinessDayClock clock() {
        return new BusinessDayClock(timeZone, Set.copyOf(holidays));
    }

    public TcmEligibility eligibility() {
        return new TcmEligibility(encounterClasses, ineligibleDispositions);
    }

    public DischargeReadinessRules rules() {
        return new DischargeReadinessRules(clock(), eligibility());
    }
}
