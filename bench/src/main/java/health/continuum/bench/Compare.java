package health.continuum.bench;

import java.util.List;

/** What the checks-off pass turns off: issues 4 and 5 set targets on their own checks, which RULES isolates. */
public enum Compare {
    ALL("all", List.of("--continuum.conformance.validation-mode=off",
            "--continuum.medication.checks-enabled=false", "--continuum.discharge.policy=off")),
    RULES("rules", List.of("--continuum.medication.checks-enabled=false", "--continuum.discharge.policy=off"));

    private final String label;
    private final List<String> offProperties;

    Compare(String label, List<String> offProperties) {
        this.label = label;
        this.offProperties = offProperties;
    }

    public String label() {
        return label;
    }

    /** The server arguments of a checks-off pass. */
    public List<String> offProperties() {
        return offProperties;
    }
}
