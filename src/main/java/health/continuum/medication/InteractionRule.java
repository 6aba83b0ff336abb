package health.continuum.medication;

import java.util.Set;

/**
 * A drug-drug interaction rule between an object side and a precipitant side, each written as an ingredient RXCUI, an ATC class or
 * a group, and resolved at load to the RXCUIs it covers; its level is the source's own words with their mapped severity.
 */
public record InteractionRule(String id, String objectSide, String precipitantSide, Set<String> objectRxcuis,
                              Set<String> precipitantRxcuis, SourceLevel level, String reason, String source) {

    public InteractionRule {
        objectRxcuis = Set.copyOf(objectRxcuis);
        precipitantRxcuis = Set.copyOf(precipitantRxcuis);
    }

    public Severity severity() {
        return level.severity();
    }

    /** True when {@code object} is on the object side and {@code precipitant} on the precipitant side. */
    public boolean matches(Ingredient object, Ingredient precipitant) {
        return objectRxcuis.contains(object.rxcui()) && precipitantRxcuis.contains(precipitant.rxcui());
    }
}
