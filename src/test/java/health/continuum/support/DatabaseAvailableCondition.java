package health.continuum.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL run needs a reachable server. In CI (CI=true) an unreachable server is a failure, so the tests
 * run and fail; on a developer machine without PostgreSQL the suite is skipped with a visible notice.
 */
public class DatabaseAvailableCondition implements ExecutionCondition {

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isPostgres() || "true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("tests run on " + TestDatabase.description());
        }
        synchronized (DatabaseAvailableCondition.class) {
            if (reachable == null) {
                reachable = TestDatabase.postgresReachable();
                if (!reachable) {
                    System.err.println("\n*** NOTICE: " + TestDatabase.description() + " is unreachable:"
                            + " the PostgreSQL integration tests are SKIPPED. With CI=true they fail instead. ***\n");
                }
            }
        }
        return reachable
                ? ConditionEvaluationResult.enabled("PostgreSQL reachable")
                : ConditionEvaluationResult.disabled("SKIPPED: " + TestDatabase.description() + " is unreachable");
    }
}
