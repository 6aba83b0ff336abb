package health.continuum.canonical;

import java.util.Collection;

/**
 * A code and the system that defines it, with its display, as in a FHIR Coding; any part may be null. Codes are
 * compared by system and code ({@link #sameCodeAs}): a display is for people and varies between senders.
 */
public record Coding(String system, String code, String display) {

    public Coding(String system, String code) {
        this(system, code, null);
    }

    public static Coding loinc(String code) {
        return new Coding(CodeSystems.LOINC, code);
    }

    public static Coding snomed(String code) {
        return new Coding(CodeSystems.SNOMED_CT, code);
    }

    public static Coding rxNorm(String code, String display) {
        return new Coding(CodeSystems.RXNORM, code, display);
    }

    /** Whether this is a code (not only a display) of {@code system}. */
    public boolean isCodeOf(String system) {
        return system.equals(this.system) && code != null;
    }

    public boolean sameCodeAs(Coding other) {
        return other != null && code != null && code.equals(other.code)
                && system != null && system.equals(other.system);
    }

    /** Whether one of {@code codings} has this system and code. */
    public boolean isAmong(Collection<Coding> codings) {
        return codings.stream().anyMatch(this::sameCodeAs);
    }

    @Override
    public String toString() {
        return system + "|" + code;
    }
}
