package health.continuum.transition;

/** Which published weights turn Charlson conditions into points; each names its column in charlson-icd10.csv. */
public enum CharlsonWeights {
    /** Charlson et al., J Chronic Dis 1987: the weights of the index van Walraven used to derive LACE. */
    CHARLSON_1987("weight_charlson1987"),
    /** Quan et al., Am J Epidemiol 2011: updated weights, 0-24. */
    QUAN_2011("weight_quan2011");

    private final String column;

    CharlsonWeights(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
