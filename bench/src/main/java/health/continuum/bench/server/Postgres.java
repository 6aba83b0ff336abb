package health.continuum.bench.server;

import health.continuum.bench.BenchException;
import health.continuum.bench.Commands;
import health.continuum.bench.Commands.Captured;
import java.time.Duration;
import java.util.List;

/** The local PostgreSQL the PostgreSQL passes use: 127.0.0.1:5432, user postgres, trust authentication. */
public final class Postgres {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";
    private static final Duration STATEMENT_LIMIT = Duration.ofMinutes(10);

    private Postgres() {}

    /** Fails the run early, before any build, when PostgreSQL passes could not run. */
    public static void checkAvailable() {
        if (Commands.find("psql").isEmpty()) {
            throw new BenchException(
                    "psql is missing: PostgreSQL runs need the client (apt-get install -y postgresql-client)");
        }
        if (!run("postgres", "SELECT 1").succeeded()) {
            throw new BenchException("PostgreSQL is not reachable on " + HOST + ":" + PORT + " as " + USER
                    + " (trust auth); start it, e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql)"
                    + " main start, or use --db h2");
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /** Runs one statement; the run fails with psql's message when it fails. */
    public static void execute(String database, String sql) {
        Captured result = run(database, sql);
        if (!result.succeeded()) {
            throw new BenchException(sql + " in " + database + " failed: " + result.text().strip());
        }
    }

    /** Runs one statement; returns whether it succeeded. */
    public static boolean tryExecute(String database, String sql) {
        return run(database, sql).succeeded();
    }

    private static Captured run(String database, String sql) {
        return Commands.capture(List.of("psql", "-h", HOST, "-p", String.valueOf(PORT), "-U", USER, "-d", database,
                "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql), STATEMENT_LIMIT);
    }
}
