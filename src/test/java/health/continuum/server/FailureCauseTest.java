package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
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
    void aRollbackRefusedByThePoolMeansTheConnectionBrokeUnderTheRequest() {
        // As Spring reports a query cut off mid-request: the rollback's failure overrides the query's
        Exception failure = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(FailureCause.of(failure)).isEqualTo(FailureCause.DATABASE_UNREACHABLE);
    }

    @Test
    void aCommitTheDatabaseRefusedIsNotAnOutage() {
        Exception failure = new TransactionException("Unable to commit against JDBC Connection",
                new SQLException("could not serialize access", "40001"));
        assertThat(FailureCause.of(failure)).isEqualTo(FailureCause.UNEXPECTED);
    }

    @Test
    void anythingElseIsUnexpected() {
        assertThat(FailureCause.of(new NullPointerException())).isEqualTo(FailureCause.UNEXPECTED);
        assertThat(FailureCause.of(new SQLException("syntax error", "42601"))).isEqualTo(FailureCause.UNEXPECTED);
    }
}
