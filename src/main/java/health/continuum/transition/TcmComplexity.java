package health.continuum.transition;

/**
 * Medical decision-making complexity of CMS Transitional Care Management, which sets the face-to-face visit deadline:
 * that many calendar days after the discharge date (AAFP "Transitional Care Management" coding page).
 */
public enum TcmComplexity {
    /** CPT 99496: face-to-face visit within 7 calendar days. */
    HIGH("high", 7),
    /** CPT 99495 (at least moderate complexity): face-to-face visit within 14 calendar days. */
    MODERATE("moderate", 14);

    private final String code;
    private final int visitDays;

    TcmComplexity(String code, int visitDays) {
        this.code = code;
        this.visitDays = visitDays;
    }

    /** Its code in the tcm-complexity CodeSystem: the extension's valueCode and $discharge-readiness output. */
    public String code() {
        return code;
    }

    public int visitDays() {
        return visitDays;
    }

    /**
     * A clinician's explicit choice wins; otherwise a high LACE readmission risk (>= 10, van Walraven 2010) stands in
     * for high complexity, and anything else gets the TCM minimum, moderate.
     *
     * @param explicit the complexity a clinician set, or null
     */
    public static TcmComplexity resolve(TcmComplexity explicit, LaceResult lace) {
        if (explicit != null) {
            return explicit;
        }
        return lace.high() ? HIGH : MODERATE;
    }
}
