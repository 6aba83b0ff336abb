package health.continuum.medication;

/** One coding of a medication, as in FHIR Coding; any part may be null. */
public record Coding(String system, String code, String display) {

    public static final String RXNORM_SYSTEM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    public static Coding rxNorm(String code, String display) {
        return new Coding(RXNORM_SYSTEM, code, display);
    }

    boolean isRxNorm() {
        return RXNORM_SYSTEM.equals(system) && code != null;
    }
}
