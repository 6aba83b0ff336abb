package health.continuum.conformance.glue;

import health.continuum.conformance.RuleFailure;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What write validation found when it held a resource that claims no Continuum profile to the Continuum profile of
 * its type (coordination-rules flag): the rules it fails, carried on the resource from validation (pre-storage) to the
 * coordination checks that run once it has its id. An empty list means it was checked and meets every rule.
 */
public final class ContinuumRuleFailures {

    private static final String KEY = ContinuumRuleFailures.class.getName();

    private ContinuumRuleFailures() {}

    static void attach(IBaseResource resource, List<RuleFailure> failures) {
        resource.setUserData(KEY, List.copyOf(failures));
    }

    /** The failed rules, or empty when the resource was not checked against a Continuum profile's rules. */
    @SuppressWarnings("unchecked")
    public static Optional<List<RuleFailure>> of(IBaseResource resource) {
        return Optional.ofNullable((List<RuleFailure>) resource.getUserData(KEY));
    }
}
