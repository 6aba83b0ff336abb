package health.continuum.medication;

/** An ATC level-4 class in which two different ingredients together are duplicate therapy. */
public record DuplicateClass(String atcClass, String description, String source) {
}
