package health.continuum.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Once a connection attempt has found the database unreachable, further attempts fail at once for a while instead
 * of each waiting the pool's full timeout: a request that needs two connections (HAPI's searches do) still answers
 * 503 within one timeout. After {@code interval} (the Retry-After the clients are given), the next attempt probes.
 */
final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

    private final Supplier<Duration> interval;
    private final Clock clock;
    private volatile Instant unreachableUntil = Instant.MIN;

    FailFastDataSource(DataSource pool, Supplier<Duration> interval, Clock clock) {
        super(pool);
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(() -> super.getConnection(username, password));
    }

    /** Closes the pool on shutdown, as Spring would close it unwrapped. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private interface Attempt {
        Connection connect() throws SQLException;
    }

    private Connection connect(Attempt attempt) throws SQLException {
        if (clock.instant().isBefore(unreachableUntil)) {
            // SQLSTATE 08001: the client could not establish the connection (SQL standard)
            throw new SQLException("The database was unreachable moments ago; not trying again until "
                    + unreachableUntil, "08001");
        }
        try {
            return attempt.connect();
        } catch (SQLException failure) {
            if (FailureCause.of(failure) == FailureCause.DATABASE_UNREACHABLE) {
                unreachableUntil = clock.instant().plus(interval.get());
            }
            throw failure;
        }
    }
}
