package health.continuum.conformance.glue;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import health.continuum.conformance.glue.Invariants.Invariant;
import health.continuum.conformance.glue.ElementRules.Rule;
import health.continuum.conformance.glue.ElementRules.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The base-R4 rules HAPI's parser and JPA layer leave to a validator, checked by walking the parsed resource against
 * the specification's definitions: required elements (min cardinality, in the resource, its backbone elements and
 * its datatypes), the error-level invariants of every element and type (con-4, obs-6, per-1, dom-3, ext-1, ...),
 * codes of required bindings on code, Coding and CodeableConcept, codes of the code systems the server holds, the
 * value types and bindings of extensions the server holds a definition of, and the resource types references point
 * to. The parser already refuses wrong JSON types, malformed primitives and unknown codes of coded elements; JPA
 * refuses references to missing resources.
 *
 * <p>It reports a subset of what the HL7 validator reports (BaseRulesCheckTest compares the two), in a small fraction
 * of its time: preferred and extensible bindings (warnings at most) and profiles are the full validator's.
 */
final class BaseRulesCheck {

    private final ElementRules rules;
    private final CodeRules codes;
    private final Invariants invariants;
    private final Set<String> resourceTypes;

    BaseRulesCheck(IValidationSupport validationSupport) {
        this.resourceTypes = validationSupport.getFhirContext().getResourceTypes();
        this.invariants = new Invariants(validationSupport);
        this.rules = new ElementRules(validationSupport, invariants);
        this.codes = new CodeRules(validationSupport);
    }

    /** Whether the server holds the StructureDefinition of this canonical URL (a profile a resource claims). */
    boolean holdsDefinition(String url) {
        return rules.ofUrl(url).isPresent();
    }

    /** The errors of a resource; none when it keeps every rule. */
    List<SingleValidationMessage> check(IBaseResource resource) {
        Visit visit = new Visit((Resource) resource);
        visit.resource(visit.root, resource.fhirType());
        return visit.errors;
    }

    /** One resource's walk: the resource it started from (%rootResource of the invariants) and what it found. */
    private final class Visit {

        private final Resource root;
        private final List<SingleValidationMessage> errors = new ArrayList<>();

        Visit(Resource root) {
            this.root = root;
        }

        private void resource(Resource resource, String location) {
            rules.ofType(resource.fhirType()).ifPresent(table -> {
                Rule rule = table.rule(table.root());
                invariants(rule == null ? List.of() : rule.invariants(), resource, resource, location);
                children(resource, resource, table.root(), table, location);
            });
        }

        private void children(Resource resource, Base element, String path, Table table, String location) {
            for (Property property : element.children()) {
                String childPath = path + "." + property.getName();
                Rule rule = table.rule(childPath);
                if (rule == null) {
                    continue;
                }
                // An empty element (a Narrative HAPI's getText() created) is not stored, so it is not there
                List<Base> values = property.getValues().stream().filter(BaseRulesCheck::isStored).toList();
                String name = property.getName().replace("[x]", "");
                if (values.size() < rule.min()) {
                    // Where the HL7 validator reports it: at the element that lacks the child
                    error(location, "%s: minimum required = %d, but only found %d"
                            .formatted(childPath, rule.min(), values.size()));
                }
                // Questionnaire.item.item is defined by Questionnaire.item: its children and invariants are that one's
                Rule definition = rule.contentReference() != null ? table.rule(rule.contentReference()) : rule;
                String definitionPath = rule.contentReference() != null ? rule.contentReference() : childPath;
                for (int i = 0; i < values.size(); i++) {
                    Base value = values.get(i);
                    String at = location + "." + name
                            + (property.getName().endsWith("[x]") ? ".ofType(" + value.fhirType() + ")" : "")
                            + (property.getMaxCardinality() > 1 ? "[" + i + "]" : "");
                    if (rule.requiredValueSet() != null) {
                        codes.outsideBinding(value, rule.requiredValueSet()).ifPresent(message -> error(at, message));
                    }
                    if (!rule.targetTypes().isEmpty() && value instanceof Reference reference) {
                        checkTargetType(reference, rule.targetTypes(), at);
                    }
                    value(resource, value, definition, definitionPath, table, at);
                }
            }
        }

        private void value(Resource resource, Base value, Rule rule, String path, Table table, String location) {
            if (value instanceof Resource contained) {
                resource(contained, location);
            } else if (rule.nested()) {
                invariants(rule.invariants(), resource, value, location);
                children(resource, value, path, table, location);
            } else if (value instanceof PrimitiveType<?> primitive && !primitive.hasExtension()) {
                // Most elements are primitives without extensions: nothing in them to check but their own invariants
                invariants(rule.invariants(), resource, value, location);
            } else {
                if (value instanceof Extension extension) {
                    checkExtensionValue(extension, location, this);
                } else if (value instanceof Coding coding) {
                    codes.outsideCodeSystem(coding).ifPresent(message -> error(location, message));
                }
                Optional<Table> datatype = rules.ofType(value.fhirType());
                List<Invariant> typeInvariants = datatype.map(type -> type.rule(type.root()))
                        .map(Rule::invariants).orElse(List.of());
                invariants(rule.invariants(), resource, value, location);
                // An element repeats some of its type's invariants (every extension element has ext-1): once each
                invariants(rule.invariants().isEmpty() ? typeInvariants : typeInvariants.stream()
                        .filter(invariant -> rule.invariants().stream()
                                .noneMatch(own -> own.key().equals(invariant.key())))
                        .toList(), resource, value, location);
                datatype.ifPresent(type -> children(resource, value, type.root(), type, location));
            }
        }

        /** JPA refuses the wrong type too, but without saying where: here it is named like the HL7 validator does. */
        private void checkTargetType(Reference reference, List<String> targetTypes, String location) {
            String url = reference.getReference();
            // Conditional (Practitioner?identifier=...), contained and bundle-local references are JPA's to resolve
            if (url == null || url.contains("?") || url.startsWith("#") || url.startsWith("urn:")) {
                return;
            }
            String type = reference.getReferenceElement().getResourceType();
            // A URL whose type segment is no resource type is no FHIR reference to judge here: JPA refuses it
            if (type != null && resourceTypes.contains(type) && !targetTypes.contains(type)) {
                error(location, "Invalid Resource target type. Found %s, but expected one of (%s)"
                        .formatted(type, targetTypes));
            }
        }

        private void invariants(Iterable<Invariant> invariants, Resource resource, Base focus, String location) {
            for (Invariant invariant : invariants) {
                if (BaseRulesCheck.this.invariants.broken(invariant, resource, root, focus)) {
                    error(location, "Constraint failed: %s: '%s'".formatted(invariant.key(), invariant.human()));
                }
            }
        }

        private void error(String location, String message) {
            SingleValidationMessage error = new SingleValidationMessage();
            error.setSeverity(ResultSeverityEnum.ERROR);
            error.setLocationString(location);
            error.setMessage(message);
            errors.add(error);
        }
    }

    /** Whether HAPI writes the element: it has content (a narrative's div reports itself empty, and is written). */
    private static boolean isStored(Base value) {
        return !value.isEmpty() || "xhtml".equals(value.fhirType());
    }

    /** An extension the server holds a definition of has a value of a type that definition allows, or none. */
    private void checkExtensionValue(Extension extension, String location, Visit visit) {
        if (extension.getUrl() == null || !extension.hasValue()) {
            return;
        }
        rules.ofUrl(extension.getUrl()).map(definition -> definition.rule("Extension.value[x]")).ifPresent(value -> {
            String type = extension.getValue().fhirType();
            if ("0".equals(value.max()) || !value.types().contains(type)) {
                visit.error(location, "The extension %s does not allow a value of type %s (allowed: %s)"
                        .formatted(extension.getUrl(), type, "0".equals(value.max()) ? "none" : value.types()));
            } else if (value.requiredValueSet() != null) {
                codes.outsideBinding(extension.getValue(), value.requiredValueSet())
                        .ifPresent(message -> visit.error(location + ".value.ofType(" + type + ")", message));
            }
        });
    }
}
