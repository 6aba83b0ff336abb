package health.continuum.assessment;

/** The domains of a comprehensive assessment, in which a care plan's needs are found. */
public enum Domain {
    MEDICAL("medical"),
    BEHAVIORAL("behavioral"),
    SOCIAL("social"),
    FUNCTIONAL("functional");

    private final String code;

    Domain(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Domain ofCode(String code) {
        for (Domain domain : values()) {
            if (domain.code.equals(code)) {
                return domain;
            }
        }
        throw new IllegalArgumentException("No assessment domain '" + code + "' (medical, behavioral, social, functional)");
    }
}
