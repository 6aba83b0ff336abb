package health.continuum.bench;

/** The check setting of a pass: the one switch between the passes of a run, named as in the results. */
public enum Checks {
    /** The default configuration: validation enforced, medication checks and discharge rules on. */
    ON("on"),
    /** What {@link Compare} turns off. */
    OFF("off"),
    /** The default configuration, in a start-up run, where nothing is compared. */
    DEFAULT("default");

    private final String label;

    Checks(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
