package health.continuum.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run has started and must undo on any exit: servers, databases, working directories. Try-with-resources
 * undoes them on success and failure; the shutdown hook undoes what is still open when Ctrl-C or SIGTERM ends
 * the JVM, since a child server process would otherwise outlive the harness.
 */
public final class Cleanup {

    private static final Deque<AutoCloseable> OPEN = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "bench-cleanup"));
    }

    private Cleanup() {}

    public static synchronized void opened(AutoCloseable resource) {
        OPEN.push(resource);
    }

    public static synchronized void closed(AutoCloseable resource) {
        OPEN.remove(resource);
    }

    private static synchronized AutoCloseable next() {
        return OPEN.poll();
    }

    private static void closeAll() {
        for (AutoCloseable resource = next(); resource != null; resource = next()) {
            try {
                resource.close();
            } catch (Exception e) {
                Log.info("clean-up of " + resource + " failed: " + e.getMessage());
            }
        }
    }
}
