package health.continuum.transition.glue;

import health.continuum.transition.DischargeContext;

/**
 * What the rules and the follow-up Tasks need about one stay, as {@link DischargeReader} gathers it.
 *
 * @param coordinator the member of the patient's active CareTeam in the case manager role, or null
 * @param carePlan the patient's active CarePlan the follow-up Tasks are based on, or null
 */
public record DischargeRecord(DischargeContext context, String coordinator, String carePlan) {}
