package health.continuum.assessment;

/** Why a completed response cannot be scored, and where in it (a FHIRPath into the QuestionnaireResponse). */
public record ScoringProblem(String location, String message) {}
