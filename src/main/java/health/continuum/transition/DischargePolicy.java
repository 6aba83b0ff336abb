package health.continuum.transition;

/** What a discharge write does when readiness checks fail ({@code continuum.discharge.policy}). */
public enum DischargePolicy {
    /** Accept the discharge, create the missing follow-up Tasks and report the gaps as warnings. */
    ASSIST,
    /** Reject the discharge with 422, one issue per failing check. */
    BLOCK,
    /** Do not look at discharges. */
    OFF
}
