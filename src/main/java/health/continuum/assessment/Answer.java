package health.continuum.assessment;

/**
 * One answer of a QuestionnaireResponse, flattened: the item's linkId, where it is in the response (a FHIRPath, for
 * the OperationOutcome), and the answer's code, or its integer value for the total item; both null when the item is
 * present without an answer.
 */
public record Answer(String linkId, String location, String system, String code, Integer integer) {}
