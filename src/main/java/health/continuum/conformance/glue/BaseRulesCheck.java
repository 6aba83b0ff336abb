package health.continuum.conformance.glue;

import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport.CodeValidationResult;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import health.continuum.conformance.glue.ElementRules.Rule;
import health.continuum.conformance.glue.ElementRules.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * The base-R4 rules HAPI's parser and JPA layer leave to a validator, checked by walking the parsed resource against
 * the specification's definitions: required elements (min cardinality, in the resource, its backbone elements and
 * its datatypes), codes of required bindings on code, Coding and CodeableConcept, and the value types and bindings
 * of extensions the server holds a definition of. The parser already refuses wrong JSON types, malformed primitives
 * and unknown codes of coded elements; JPA refuses references to missing resources or of a type the element does
 * not allow.
 *
 * <p>It reports a subset of what the HL7 validator reports (BaseRulesCheckTest compares the two), in a small fraction
 * of its time: FHIRPath invariants, preferred and extensible bindings and profiles are the full validator's.
 */
final class BaseRulesCheck {

    // Required bindings are to small HL7 value sets: their codes, and a margin for clients' wrong ones
    private static final int MAX_REMEMBERED_CODES = 10_000;

    private final ElementRules rules;
    private final IValidationSupport terminology;
    private final BoundedMemo<CodeInValueSet, Optional<Boolean>> membership =
            new BoundedMemo<>(MAX_REMEMBERED_CODES, this::lookUpMembership);

    BaseRulesCheck(IValidationSupport validationSupport) {
        this.rules = new ElementRules(validationSupport);
        this.terminology = validationSupport;
    }

    /** Whether the server holds the StructureDefinition of this canonical URL (a profile a resource claims). */
    boolean holdsDefinition(String url) {
        return rules.ofUrl(url).isPresent();
    }

    /** The errors of a resource; none when it keeps every rule. */
    List<SingleValidationMessage> check(IBaseResource resource) {
        List<SingleValidationMessage> errors = new ArrayList<>();
        checkResource((Resource) resource, resource.fhirType(), errors);
        return errors;
    }

    private void checkResource(Resource resource, String location, List<SingleValidationMessage> errors) {
        rules.ofType(resource.fhirType()).ifPresent(table -> checkChildren(resource, table.root(), table, location, errors));
    }

    private void checkChildren(Base element, String path, Table table, String location,
            List<SingleValidationMessage> errors) {
        for (Property property : element.children()) {
            String childPath = path + "." + property.getName();
            Rule rule = table.rule(childPath);
            if (rule == null) {
                continue;
            }
            List<Base> values = property.getValues();
            String name = property.getName().replace("[x]", "");
            if (values.size() < rule.min()) {
                // Where the HL7 validator reports it: at the element that lacks the child
                error(errors, location, "%s: minimum required = %d, but only found %d"
                        .formatted(childPath, rule.min(), values.size()));
            }
            for (int i = 0; i < values.size(); i++) {
                Base value = values.get(i);
                String at = location + "." + name
                        + (property.getName().endsWith("[x]") ? ".ofType(" + value.fhirType() + ")" : "")
                        + (property.getMaxCardinality() > 1 ? "[" + i + "]" : "");
                if (rule.requiredValueSet() != null) {
                    checkBinding(value, rule.requiredValueSet(), at, errors);
                }
                checkValue(value, rule, rule.contentReference() != null ? rule.contentReference() : childPath, table, at,
                        errors);
            }
        }
    }

    private void checkValue(Base value, Rule rule, String path, Table table, String location,
            List<SingleValidationMessage> errors) {
        if (value instanceof Resource contained) {
            checkResource(contained, location, errors);
        } else if (rule.nested()) {
            checkChildren(value, path, table, location, errors);
        } else if (value instanceof PrimitiveType<?> primitive && !primitive.hasExtension()) {
            // Most elements are primitives without extensions: nothing in them to check
        } else {
            if (value instanceof Extension extension) {
                checkExtensionValue(extension, location, errors);
            }
            rules.ofType(value.fhirType())
                    .ifPresent(datatype -> checkChildren(value, datatype.root(), datatype, location, errors));
        }
    }

    /** An extension the server holds a definition of has a value of a type that definition allows, or none. */
    private void checkExtensionValue(Extension extension, String location, List<SingleValidationMessage> errors) {
        if (extension.getUrl() == null || !extension.hasValue()) {
            return;
        }
        rules.ofUrl(extension.getUrl()).map(definition -> definition.rule("Extension.value[x]")).ifPresent(value -> {
            String type = extension.getValue().fhirType();
            if ("0".equals(value.max()) || !value.types().contains(type)) {
                error(errors, location, "The extension %s does not allow a value of type %s (allowed: %s)"
                        .formatted(extension.getUrl(), type, "0".equals(value.max()) ? "none" : value.types()));
            } else if (value.requiredValueSet() != null) {
                checkBinding(extension.getValue(), value.requiredValueSet(), location + ".value.ofType(" + type + ")",
                        errors);
            }
        });
    }

    private void checkBinding(Base value, String valueSet, String location, List<SingleValidationMessage> errors) {
        if (value instanceof Coding coding) {
            if (coding.hasCode() && isMember(valueSet, coding.getSystem(), coding.getCode()) == Boolean.FALSE) {
                error(errors, location, "The Coding %s#%s is not in the value set %s, which is required here"
                        .formatted(coding.getSystem(), coding.getCode(), valueSet));
            }
        } else if (value instanceof CodeableConcept concept) {
            List<Boolean> verdicts = concept.getCoding().stream()
                    .filter(Coding::hasCode)
                    .map(coding -> isMember(valueSet, coding.getSystem(), coding.getCode()))
                    .toList();
            if (verdicts.isEmpty()) {
                error(errors, location, "No code provided, and a code is required from the value set " + valueSet);
            } else if (verdicts.stream().allMatch(Boolean.FALSE::equals)) {
                error(errors, location, "None of the codes provided are in the value set %s, which is required here"
                        .formatted(valueSet));
            }
        } else if (value instanceof CodeType code && !(value instanceof Enumeration<?>) && code.hasValue()
                && isMember(valueSet, null, code.getValue()) == Boolean.FALSE) {
            // An Enumeration's code was checked by the parser; a plain code has no enumeration to check it
            error(errors, location, "The code '%s' is not in the value set %s, which is required here"
                    .formatted(code.getValue(), valueSet));
        }
    }

    /** Whether the code is in the value set; null when that cannot be known offline (the ValueSet is not held). */
    private Boolean isMember(String valueSet, String system, String code) {
        return membership.get(new CodeInValueSet(valueSet, system, code)).orElse(null);
    }

    private record CodeInValueSet(String valueSet, String system, String code) {}

    private Optional<Boolean> lookUpMembership(CodeInValueSet key) {
        CodeValidationResult result = terminology.validateCode(new ValidationSupportContext(terminology),
                new ConceptValidationOptions().setInferSystem(key.system() == null),
                key.system(), key.code(), null, key.valueSet());
        return result == null ? Optional.empty() : Optional.of(result.isOk());
    }

    private static void error(List<SingleValidationMessage> errors, String location, String message) {
        SingleValidationMessage error = new SingleValidationMessage();
        error.setSeverity(ResultSeverityEnum.ERROR);
        error.setLocationString(location);
        error.setMessage(message);
        errors.add(error);
    }
}
