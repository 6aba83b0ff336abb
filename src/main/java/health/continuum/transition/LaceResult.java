package health.continuum.transition;

/** A LACE score, 0-19, with the value and points of each component. */
public record LaceResult(Component lengthOfStay, Component acuity, Component comorbidity, Component emergencyVisits) {

    /** van Walraven et al., CMAJ 2010: 10 or more is high readmission risk. */
    public static final int HIGH_RISK_THRESHOLD = 10;

    /**
     * One LACE letter.
     *
     * @param value the input: days, 1/0 for an emergent admission, Charlson score, or visits
     */
    public record Component(int value, int points) {}

    public int total() {
        return lengthOfStay.points() + acuity.points() + comorbidity.points() + emergencyVisits.points();
    }

    public boolean high() {
        return total() >= HIGH_RISK_THRESHOLD;
    }
}
