package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class FailureCauseTest {

    @Test
    void aRefusedConnectionBelowThePoolTimeoutIsAnUnreachableDatabase() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
                new ConnectException("Connection refused"));
        Throwable failure = new RuntimeException("HAPI-0389: Failed to call access method",
                new CannotCreateTransactionException("Could not open JPA EntityManager",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001", refused)));

        assertThat(FailureCause.of(failure)).isEqualTo(FailureCause.DATABASE_UNREACHABLE);
    }

    @Test
    void thePoolTimingOutWithNoConnectionFailureMeansEveryConnectionIsInUse() {
        Throwable failure = new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));

        assertThat(FailureCause.of(failure)).isEqualTo(FailureCause.NO_FREE_CONNECTION);
    }

    @Test
    void anythingElseIsUnexpected() {
        assertThat(FailureCause.of(new NullPointerException())).isEqualTo(FailureCause.UNEXPECTED);
        assertThat(FailureCause.of(new SQLException("syntax error", "42601"))).isEqualTo(FailureCause.UNEXPECTED);
    }
}
