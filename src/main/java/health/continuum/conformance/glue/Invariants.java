package health.continuum.conformance.glue;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.List;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.ConstraintSeverity;
import org.hl7.fhir.r4.model.Resource;

/**
 * The specification's error-level FHIRPath invariants (con-4, obs-6, per-1, dom-3, ref-1, ...) for
 * {@link BaseRulesCheck}: parsed once per element definition, evaluated on the parsed resource. Thread-safe.
 */
final class Invariants {

    /** A constraint such as con-4, with its FHIRPath expression parsed. */
    record Invariant(String key, String human, ExpressionNode expression) {}

    // ele-1 (an element has a value or children) holds for what is stored: HAPI neither parses nor writes empty elements
    private static final String EVERY_ELEMENT_HAS_CONTENT = "ele-1";

    private final FHIRPathEngine fhirPath;

    Invariants(IValidationSupport definitions) {
        fhirPath = new FHIRPathEngine(new HapiWorkerContext(definitions.getFhirContext(), definitions));
    }

    /** The element's error-level invariants. */
    List<Invariant> of(ElementDefinition element) {
        return element.getConstraint().stream()
                .filter(constraint -> constraint.getSeverity() == ConstraintSeverity.ERROR
                        && constraint.hasExpression() && !EVERY_ELEMENT_HAS_CONTENT.equals(constraint.getKey()))
                .map(constraint -> new Invariant(
                        constraint.getKey(), constraint.getHuman(), fhirPath.parse(constraint.getExpression())))
                .toList();
    }

    /** Whether the focus breaks the invariant, within its resource (%resource) and the resource written (%rootResource). */
    boolean broken(Invariant invariant, Resource resource, Resource root, Base focus) {
        List<Base> result;
        try {
            result = fhirPath.evaluate(null, resource, root, focus, invariant.expression());
        } catch (FHIRException | UnsupportedOperationException e) {
            // An expression this engine cannot evaluate on this value: the full validator's to judge
            return false;
        }
        // Only false breaks it: ref-1 on a display-only reference evaluates to nothing, as in the HL7 validator
        return result.size() == 1 && result.get(0) instanceof BooleanType verdict && !verdict.booleanValue();
    }
}
