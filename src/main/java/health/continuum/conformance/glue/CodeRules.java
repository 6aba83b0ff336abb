package health.continuum.conformance.glue;

import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport.CodeValidationResult;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumeration;

/**
 * The code rules of {@link BaseRulesCheck}: a code of a required binding is in its value set, and a code of a code
 * system the server holds is in that code system. Answers are remembered, so a bulk load asks the terminology once
 * per code. Each method returns the breach's message, or nothing.
 */
final class CodeRules {

    // Required bindings are to small HL7 value sets: their codes, and a margin for clients' wrong ones
    private static final int MAX_REMEMBERED_CODES = 10_000;
    // The code systems clients name: HL7's, the common ones (UCUM, BCP-47), external ones (SNOMED CT, LOINC) and more
    private static final int MAX_REMEMBERED_SYSTEMS = 2_000;

    private final IValidationSupport terminology;
    private final BoundedMemo<CodeInValueSet, Optional<Boolean>> membership =
            new BoundedMemo<>(MAX_REMEMBERED_CODES, this::lookUpMembership);
    private final BoundedMemo<String, Boolean> heldCodeSystems =
            new BoundedMemo<>(MAX_REMEMBERED_SYSTEMS, this::holdsCodeSystem);

    CodeRules(IValidationSupport terminology) {
        this.terminology = terminology;
    }

    /** A code of a code system the server holds (HL7's, UCUM, ...) is one of that system's codes, whatever the binding. */
    Optional<String> outsideCodeSystem(Coding coding) {
        if (coding.hasSystem() && coding.hasCode() && heldCodeSystems.get(coding.getSystem())
                && isMember(null, coding.getSystem(), coding.getCode()) == Boolean.FALSE) {
            return Optional.of("Unknown code '%s' in the code system %s"
                    .formatted(coding.getCode(), coding.getSystem()));
        }
        return Optional.empty();
    }

    private boolean holdsCodeSystem(String system) {
        return terminology.isCodeSystemSupported(new ValidationSupportContext(terminology), system);
    }

    /** A code, Coding or CodeableConcept of an element with a required binding is in that binding's value set. */
    Optional<String> outsideBinding(Base value, String valueSet) {
        if (value instanceof Coding coding) {
            if (coding.hasCode() && isMember(valueSet, coding.getSystem(), coding.getCode()) == Boolean.FALSE) {
                return Optional.of("The Coding %s#%s is not in the value set %s, which is required here"
                        .formatted(coding.getSystem(), coding.getCode(), valueSet));
            }
        } else if (value instanceof CodeableConcept concept) {
            List<Boolean> verdicts = concept.getCoding().stream()
                    .filter(Coding::hasCode)
                    .map(coding -> isMember(valueSet, coding.getSystem(), coding.getCode()))
                    .toList();
            if (verdicts.isEmpty()) {
                return Optional.of("No code provided, and a code is required from the value set " + valueSet);
            } else if (verdicts.stream().allMatch(Boolean.FALSE::equals)) {
                return Optional.of("None of the codes provided are in the value set %s, which is required here"
                        .formatted(valueSet));
            }
        } else if (value instanceof CodeType code && !(value instanceof Enumeration<?>) && code.hasValue()
                && isMember(valueSet, null, code.getValue()) == Boolean.FALSE) {
            // An Enumeration's code was checked by the parser; a plain code has no enumeration to check it
            return Optional.of("The code '%s' is not in the value set %s, which is required here"
                    .formatted(code.getValue(), valueSet));
        }
        return Optional.empty();
    }

    /**
     * Whether the code is in the value set, or in its code system when the value set is null; null when that cannot be
     * known offline (the ValueSet is not held).
     */
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
}
