package health.continuum.transition.glue;

import health.continuum.transition.DischargePolicy;
import health.continuum.transition.TcmEligibility;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of transitions of care ({@code continuum.discharge.*}; the calendar is {@code continuum.calendar.*});
 * defaults live in application.yaml.
 *
 * @param policy what an Encounter write that finishes a stay does when readiness checks fail
 * @param encounterClasses v3 ActCode encounter classes whose discharge is TCM-eligible
 * @param ineligibleDispositions HL7 discharge-disposition codes that rule TCM out
 */
@ConfigurationProperties("continuum.discharge")
public record DischargeProperties(
        DischargePolicy policy,
        Set<String> encounterClasses,
        Set<String> ineligibleDispositions) {

    public DischargeProperties {
        encounterClasses = Set.copyOf(encounterClasses);
        ineligibleDispositions = Set.copyOf(ineligibleDispositions);
    }

    public TcmEligibility eligibility() {
        return new TcmEligibility(encounterClasses, ineligibleDispositions);
    }
}
