package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class FailFastDataSourceTest {

    private final Pool pool = new Pool();
    private final MovableClock clock = new MovableClock();
    private final FailFastDataSource dataSource =
            new FailFastDataSource(pool, () -> Duration.ofSeconds(5), clock);

    @Test
    void afterAnUnreachableDatabaseTheNextAttemptsFailAtOnceWithoutAskingThePool() {
        pool.failure = unreachable();
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        clock.advance(Duration.ofSeconds(4));
        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLException.class)
                .satisfies(failure -> assertThat(FailureCause.of(failure)).isEqualTo(FailureCause.DATABASE_UNREACHABLE));
        assertThat(pool.attempts).isEqualTo(1);
    }

    @Test
    void afterTheIntervalTheNextAttemptProbesAndASuccessEndsTheOutage() throws SQLException {
        pool.failure = unreachable();
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        clock.advance(Duration.ofSeconds(5));
        pool.failure = null;
        assertThat(dataSource.getConnection()).isNull();
        assertThat(dataSource.getConnection()).isNull();
        assertThat(pool.attempts).isEqualTo(3);
    }

    @Test
    void aBusyPoolIsNoOutage() {
        pool.failure = new SQLTransientConnectionException("Connection is not available, request timed out");
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThat(pool.attempts).isEqualTo(2);
    }

    private static SQLException unreachable() {
        return new SQLTransientConnectionException("Connection is not available",
                new SQLException("Connection refused", "08001", new ConnectException("refused")));
    }

    /** Answers null connections, or throws the failure it is given. */
    private static final class Pool implements DataSource {
        SQLException failure;
        int attempts;

        @Override
        public Connection getConnection() throws SQLException {
            attempts++;
            if (failure != null) {
                throw failure;
            }
            return null;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
