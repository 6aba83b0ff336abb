package health.continuum.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL run needs a reachable server. In CI (CI=true) an unreachable server is a failure, so the tests
 * run and fail; on a developer machine without PostgreSQL the suite is skipped, and {@link #main} (which Maven runs
 * before the integration tests) prints a notice on the console.
 */
public class DatabaseAvailableCondition implements ExecutionCondition {

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isPostgres() || failsWhenUnreachable()) {
            return ConditionEvaluationResult.enabled("tests run on " + TestDatabase.description());
        }
        synchronized (DatabaseAvailableCondition.class) {
            if (reachable == null) {
                reachable = TestDatabase.postgresReachable();
            }
        }
        return reachable
                ? ConditionEvaluationResult.enabled("PostgreSQL reachable")
                : ConditionEvaluationResult.disabled("SKIPPED: " + TestDatabase.description() + " is unreachable");
    }

    /** Prints the notice where Maven shows it: the test JVMs' output goes to files (failsafe-reports). */
    public static void main(String[] args) {
        if (!failsWhenUnreachable() && !TestDatabase.postgresReachable()) {
            System.out.println("\n*** NOTICE: " + TestDatabase.postgresDescription() + " is unreachable: the PostgreSQL"
                    + " integration tests will be SKIPPED. With CI=true they fail instead. ***\n");
        }
    }

    private static boolean failsWhenUnreachable() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
