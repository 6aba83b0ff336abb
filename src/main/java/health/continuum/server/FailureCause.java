package health.continuum.server;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Why a request failed, as far as the client can act on it: read from the exception and its causes. */
enum FailureCause {
    DATABASE_UNREACHABLE("The database is not reachable."),
    NO_FREE_CONNECTION("The server is busy: no database connection became free in time."),
    UNEXPECTED("");

    // SQLSTATE class 08: connection exception (SQL standard, used by PostgreSQL and H2)
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private final String explanation;

    FailureCause(String explanation) {
        this.explanation = explanation;
    }

    String explanation() {
        return explanation;
    }

    static FailureCause of(Throwable failure) {
        boolean noConnection = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || isConnectionState(cause) || isBrokenConnectionAtEnd(cause)) {
                return DATABASE_UNREACHABLE;
            }
            // The pool's timeout (HikariCP) without a connection failure below it: every connection is in use
            noConnection |= cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof JDBCConnectionException
                    || cause instanceof DataAccessResourceFailureException;
        }
        return noConnection ? NO_FREE_CONNECTION : UNEXPECTED;
    }

    /**
     * A connection that broke mid-request fails again at rollback, and Spring reports only that second failure: a
     * commit or rollback refused with no SQLSTATE was refused by the pool (its connection is closed), not the database.
     */
    private static boolean isBrokenConnectionAtEnd(Throwable cause) {
        return cause instanceof TransactionException && cause.getCause() instanceof SQLException sql
                && sql.getSQLState() == null;
    }

    private static boolean isConnectionState(Throwable cause) {
        return cause instanceof SQLException sql && !(cause instanceof SQLTransientConnectionException)
                && sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS);
    }
}
