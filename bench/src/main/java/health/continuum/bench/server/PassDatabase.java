package health.continuum.bench.server;

import health.continuum.bench.BenchException;
import health.continuum.bench.Checks;
import health.continuum.bench.Cleanup;
import health.continuum.bench.Database;
import health.continuum.bench.Directories;
import health.continuum.bench.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The empty database a pass starts on: the server's working directory (where H2 writes ./data) and, for
 * PostgreSQL, a database of its own. Closing it drops the database and removes the directory.
 */
public final class PassDatabase implements AutoCloseable {

    private final Path workDir;
    private final String postgresName;
    private boolean closed;

    private PassDatabase(Path workDir, String postgresName) {
        this.workDir = workDir;
        this.postgresName = postgresName;
        Cleanup.opened(this);
    }

    public static PassDatabase create(Database database, Checks checks) {
        Path workDir = createWorkDir();
        if (database == Database.H2) {
            return new PassDatabase(workDir, null);
        }
        String name = "continuum_bench_" + ProcessHandle.current().pid() + "_" + checks.label();
        try {
            Postgres.execute("postgres", "CREATE DATABASE \"" + name + "\"");
        } catch (BenchException e) {
            deleteRecursively(workDir);
            throw e;
        }
        return new PassDatabase(workDir, name);
    }

    public Path workDir() {
        return workDir;
    }

    /** The server arguments that point it at this database; none for H2, whose default is ./data. */
    public List<String> serverProperties() {
        if (postgresName == null) {
            return List.of();
        }
        return List.of("--spring.datasource.url=" + Postgres.jdbcUrl(postgresName),
                "--spring.datasource.username=" + Postgres.USER, "--spring.datasource.password=");
    }

    /**
     * What autovacuum does on a production PostgreSQL: the planner's statistics follow the data. This machine's
     * PostgreSQL runs with autovacuum off, and a database loaded in minutes is otherwise never analyzed: HAPI's
     * searches then get plans that read every row of the patient's.
     */
    public void refreshStatistics() {
        if (postgresName != null) {
            Postgres.execute(postgresName, "ANALYZE");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Cleanup.closed(this);
        if (postgresName != null
                && !Postgres.tryExecute("postgres", "DROP DATABASE IF EXISTS \"" + postgresName + "\" WITH (FORCE)")) {
            Log.info("could not drop database " + postgresName + "; drop it by hand");
        }
        deleteRecursively(workDir);
    }

    @Override
    public String toString() {
        return postgresName == null ? "H2 in " + workDir : "PostgreSQL database " + postgresName;
    }

    private static Path createWorkDir() {
        try {
            Path tmp = Path.of(System.getenv().getOrDefault("TMPDIR", System.getProperty("java.io.tmpdir")));
            return Files.createTempDirectory(tmp, "continuum-bench.");
        } catch (IOException e) {
            throw new BenchException("cannot create the server's working directory: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Directories.deleteRecursively(dir);
        } catch (IOException e) {
            Log.info("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
