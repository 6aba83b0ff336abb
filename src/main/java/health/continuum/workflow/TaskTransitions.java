package health.continuum.workflow;

import health.continuum.data.CsvReader;
import health.continuum.data.CsvRow;
import health.continuum.workflow.TaskLifecycle.Transition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a task-transitions.csv (the built-in one or a site's) into a {@link TaskLifecycle}, every line checked. */
public final class TaskTransitions {

    public static final String BUILT_IN = "workflow/task-transitions.csv";
    private static final List<String> COLUMNS = List.of("from", "to", "by", "source");

    private TaskTransitions() {
    }

    public static TaskLifecycle builtIn() {
        try (InputStream in = TaskTransitions.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is not on the classpath");
            }
            return read("classpath:" + BUILT_IN, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table of {@code in}; an IllegalArgumentException lists every bad line. */
    public static TaskLifecycle read(String name, InputStream in) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        for (CsvRow row : CsvReader.read(name, in, COLUMNS, problems)) {
            boolean valid = status(row, "from", true, problems) & status(row, "to", false, problems);
            String by = row.get("by");
            if (!by.equals("anyone") && !by.equals("server")) {
                valid = problem(row, "by must be anyone or server, not '" + by + "'", problems);
            }
            if (row.get("source").isEmpty()) {
                valid = problem(row, "empty source", problems);
            }
            if (valid) {
                transitions.add(new Transition(row.get("from"), row.get("to"), by.equals("server")));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Task transitions:\n" + String.join("\n", problems));
        }
        return new TaskLifecycle(transitions);
    }

    private static boolean status(CsvRow row, String column, boolean anyAllowed, List<String> problems) {
        String status = row.get(column);
        return TaskLifecycle.STATUSES.contains(status) || (anyAllowed && TaskLifecycle.ANY.equals(status))
                || problem(row, "unknown Task status '" + status + "' in " + column, problems);
    }

    private static boolean problem(CsvRow row, String message, List<String> problems) {
        problems.add(row.location() + ": " + message);
        return false;
    }
}
