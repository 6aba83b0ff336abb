package health.continuum.bench;

/** The databases a run can measure, named as on the command line and in the results. */
public enum Database {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String label;

    Database(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
