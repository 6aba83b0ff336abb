package health.continuum.conformance;

/**
 * One Continuum profile rule a record fails while it is stored anyway (coordination-rules flag): the validator's
 * message and the FHIRPath of the element it concerns. Write validation finds them; the coordination gaps act on them.
 */
public record RuleFailure(String expression, String message) {}
