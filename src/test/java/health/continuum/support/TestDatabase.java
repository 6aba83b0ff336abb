package health.continuum.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database the integration tests run on, chosen by the system property {@code continuum.test.database}
 * (h2 | postgresql, set per failsafe execution). PostgreSQL databases are created fresh and dropped at exit.
 */
public final class TestDatabase {

    private static final String KIND = System.getProperty("continuum.test.database", "h2");
    private static final String PG_SERVER =
            System.getenv().getOrDefault("CONTINUUM_TEST_PG_SERVER", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = System.getenv().getOrDefault("CONTINUUM_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("CONTINUUM_TEST_PG_PASSWORD", "");

    private static String sharedUrl;

    private TestDatabase() {}

    public static boolean isPostgres() {
        return KIND.equals("postgresql");
    }

    public static String description() {
        return isPostgres() ? postgresDescription() : "H2 (in memory)";
    }

    public static String postgresDescription() {
        return "PostgreSQL at " + PG_SERVER;
    }

    /** The JDBC URL of the database shared by every test class of this run. */
    public static synchronized String sharedUrl() {
        if (sharedUrl == null) {
            sharedUrl = isPostgres() ? newPostgresDatabase() : "jdbc:h2:mem:continuum-it;DB_CLOSE_DELAY=-1";
        }
        return sharedUrl;
    }

    public static String username() {
        return isPostgres() ? PG_USER : "sa";
    }

    public static String password() {
        return isPostgres() ? PG_PASSWORD : "";
    }

    public static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, PG_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates an empty PostgreSQL database that is dropped when the test JVM exits; returns its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "continuum_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return PG_SERVER + name;
    }

    /** Drops a test database, disconnecting whoever still uses it. */
    public static void drop(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_SERVER + " failed on: " + sql, e);
        }
    }
}
