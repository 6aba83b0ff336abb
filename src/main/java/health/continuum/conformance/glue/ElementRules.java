package health.continuum.conformance.glue;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * What {@link BaseRulesCheck} needs of each StructureDefinition's snapshot, indexed by element path once per
 * definition: the base specification's cardinalities, required bindings, invariants, nested elements and allowed
 * types.
 */
final class ElementRules {

    private static final String CORE_PREFIX = "http://hl7.org/fhir/StructureDefinition/";

    /**
     * One element definition.
     *
     * @param requiredValueSet the ValueSet of a required binding, or null
     * @param nested a BackboneElement or Element defined inline, so its children are in the same table
     * @param contentReference the path whose definition this element reuses (Questionnaire.item.item), or null
     * @param types the type codes the element allows (for an extension's value[x])
     * @param invariants the element's error-level constraints, parsed once
     * @param targetTypes the resource types a Reference may point to; empty when any type may
     */
    record Rule(int min, String max, String requiredValueSet, boolean nested, String contentReference, List<String> types,
            List<Invariants.Invariant> invariants, List<String> targetTypes) {}

    /** A definition's rules, with the path its elements start with (Quantity for Age, SimpleQuantity, Duration). */
    record Table(String root, Map<String, Rule> rules) {
        Rule rule(String path) {
            return rules.get(path);
        }
    }

    // The resource types and datatypes, the server's profiles and extensions, and room for clients' unknown URLs
    private static final int MAX_DEFINITIONS = 2_000;

    private final IValidationSupport definitions;
    private final Invariants invariants;
    private final BoundedMemo<String, Optional<Table>> tables = new BoundedMemo<>(MAX_DEFINITIONS, this::build);

    ElementRules(IValidationSupport definitions, Invariants invariants) {
        this.definitions = definitions;
        this.invariants = invariants;
    }

    /** The rules of a base type or resource ("Observation", "CodeableConcept"), if the specification defines it. */
    Optional<Table> ofType(String type) {
        return ofUrl(CORE_PREFIX + type);
    }

    /** The rules of any StructureDefinition the server holds, such as an extension's, by canonical URL. */
    Optional<Table> ofUrl(String url) {
        return tables.get(url);
    }

    private Optional<Table> build(String url) {
        if (!(definitions.fetchStructureDefinition(url) instanceof StructureDefinition definition)
                || !definition.hasSnapshot()) {
            return Optional.empty();
        }
        Map<String, Rule> rules = new HashMap<>();
        // Slices (extension:birthPlace) repeat a path: the first definition of a path is the element's own
        definition.getSnapshot().getElement().forEach(element -> rules.putIfAbsent(element.getPath(), new Rule(
                element.getMin(),
                element.getMax(),
                element.hasBinding() && element.getBinding().getStrength() == BindingStrength.REQUIRED
                        ? element.getBinding().getValueSet()
                        : null,
                element.getType().stream().anyMatch(type -> type.getCode().equals("BackboneElement")
                        || type.getCode().equals("Element")) && element.getPath().contains("."),
                element.hasContentReference() ? element.getContentReference().substring(1) : null,
                element.getType().stream().map(type -> type.getCode()).toList(),
                invariants.of(element),
                targetTypes(element))));
        return Optional.of(new Table(definition.getType(), Map.copyOf(rules)));
    }

    private static List<String> targetTypes(ElementDefinition element) {
        List<String> targets = element.getType().stream()
                .filter(type -> type.getCode().equals("Reference"))
                .flatMap(type -> type.getTargetProfile().stream())
                .map(profile -> profile.getValue().substring(profile.getValue().lastIndexOf('/') + 1))
                .toList();
        return targets.contains("Resource") ? List.of() : targets;
    }
}
