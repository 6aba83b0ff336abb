package health.continuum.medication;

/**
 * A source's own words for how serious an interaction is (e.g. ANSM "Not recommended") and the severity Continuum
 * maps them to (severity-levels.csv); a branch whose level the source does not state has neither.
 */
public record SourceLevel(String words, Severity severity) {

    public static final SourceLevel NOT_STATED = new SourceLevel(null, null);

    public boolean stated() {
        return words != null;
    }
}
