package health.continuum.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Task status changes are allowed, from a table (task-transitions.csv), and the rules every Task write keeps:
 * in-progress needs an owner. A create may start in any status; keeping the status is no transition.
 */
public final class TaskLifecycle {

    /** Who writes: a client, or the server on its own account (its coordination Tasks). */
    public enum Writer { CLIENT, SERVER }

    /** One allowed change; {@code serverOnly} rows are the server's own (closing and reopening its gap Tasks). */
    public record Transition(String from, String to, boolean serverOnly) {}

    /** What a write breaks, and the element it is about (Task.status or Task.owner). */
    public record Violation(String element, String message) {}

    public static final Set<String> STATUSES = Set.of("draft", "requested", "received", "accepted", "rejected", "ready",
            "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error");
    public static final String ANY = "any";

    private final List<Transition> transitions;

    public TaskLifecycle(List<Transition> transitions) {
        this.transitions = List.copyOf(transitions);
    }

    /**
     * Why this write is not allowed, or empty when it is.
     *
     * @param from the stored status, or null for a create
     */
    public Optional<Violation> violation(String from, String to, Writer writer, boolean hasOwner) {
        if ("in-progress".equals(to) && !hasOwner) {
            return Optional.of(new Violation("Task.owner", "A Task in progress needs an owner (Task.owner): who is doing it"));
        }
        if (from == null || from.equals(to)) {
            return Optional.empty();
        }
        Set<String> next = allowedNext(from, writer);
        if (next.contains(to)) {
            return Optional.empty();
        }
        String allowed = next.isEmpty() ? "none: " + from + " is final" : String.join(", ", next);
        return Optional.of(new Violation("Task.status",
                "Task status cannot change from " + from + " to " + to + "; allowed next: " + allowed));
    }

    /** The statuses a Task in {@code from} may move to, in the table's order. */
    public Set<String> allowedNext(String from, Writer writer) {
        return transitions.stream()
                .filter(transition -> transition.from().equals(from) || transition.from().equals(ANY))
                .filter(transition -> !transition.serverOnly() || writer == Writer.SERVER)
                .map(Transition::to)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Whether a status ends the Task, so that its executionPeriod.end is stamped. */
    public static boolean ends(String status) {
        return "completed".equals(status) || "failed".equals(status);
    }
}
