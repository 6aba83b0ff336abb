package health.continuum.bench;

import java.util.List;

/**
 * What the OFF pass turns off: issues 4 and 5 set targets on their own checks, which RULES isolates; DURABILITY
 * keeps every check on and measures what a commit that survives kill -9 costs (issue 22).
 */
public enum Compare {
    ALL("all", List.of("--continuum.conformance.validation-mode=off",
            "--continuum.medication.checks-enabled=false", "--continuum.discharge.policy=off"), null),
    RULES("rules", List.of("--continuum.medication.checks-enabled=false", "--continuum.discharge.policy=off"), null),
    // H2's own default flushes its log up to 500 ms after a commit; PostgreSQL's asynchronous commit likewise
    // acknowledges before the WAL is on disk. Both run on every new pooled connection.
    DURABILITY("durability", List.of("--spring.datasource.hikari.connection-init-sql=SET WRITE_DELAY 500"),
            List.of("--spring.datasource.hikari.connection-init-sql=SET synchronous_commit = off"));

    private final String label;
    private final List<String> offProperties;
    private final List<String> postgresOffProperties;

    Compare(String label, List<String> offProperties, List<String> postgresOffProperties) {
        this.label = label;
        this.offProperties = offProperties;
        this.postgresOffProperties = postgresOffProperties;
    }

    public String label() {
        return label;
    }

    /** The server arguments of an OFF pass on this database. */
    public List<String> offProperties(Database database) {
        return database == Database.POSTGRESQL && postgresOffProperties != null ? postgresOffProperties : offProperties;
    }

    /** What ON and OFF mean, for the results' notes. */
    public String describe() {
        if (this == DURABILITY) {
            return "ON and OFF both run every check in the default configuration; OFF acknowledges a commit before"
                    + " it is on disk: on H2 " + String.join(" ", offProperties) + " (H2's own default), on PostgreSQL "
                    + String.join(" ", postgresOffProperties) + ".";
        }
        return "Checks ON is the default configuration (Synthea's care plans and care teams claim no Continuum"
                + " profile: stored, their gaps flagged); checks OFF passes " + String.join(" ", offProperties) + ".";
    }
}
