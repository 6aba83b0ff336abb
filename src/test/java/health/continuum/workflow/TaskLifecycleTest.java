package health.continuum.workflow;

import static health.continuum.workflow.TaskLifecycle.Writer.CLIENT;
import static health.continuum.workflow.TaskLifecycle.Writer.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.continuum.workflow.TaskLifecycle.Violation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in table, every pair of statuses: allowed exactly where the reference's transitions say. */
class TaskLifecycleTest {

    private static final TaskLifecycle LIFECYCLE = TaskTransitions.builtIn();

    // ../shared/reference/care-coordination.md, "Task lifecycle" (Gravity SDOH ReferralTaskStateDiagram; ready start)
    private static final Set<String> ALLOWED = Set.of(
            "draft>requested",
            "requested>accepted", "requested>rejected", "requested>cancelled",
            "accepted>in-progress", "accepted>on-hold", "accepted>completed", "accepted>failed", "accepted>cancelled",
            "in-progress>on-hold", "in-progress>completed", "in-progress>failed", "in-progress>cancelled",
            "on-hold>in-progress", "on-hold>completed", "on-hold>failed", "on-hold>cancelled",
            "ready>in-progress", "ready>cancelled");
    // The server closes its own open coordination Tasks, and reopens a gap Task when the gap returns
    private static boolean serverOnly(String from, String to) {
        return to.equals("completed") || (from.equals("completed") && to.equals("requested"));
    }

    static Stream<Arguments> everyChange() {
        return TaskLifecycle.STATUSES.stream().sorted().flatMap(from -> TaskLifecycle.STATUSES.stream().sorted()
                .filter(to -> !to.equals(from)).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyChange")
    void allowsExactlyTheReferenceTransitions(String from, String to) {
        String change = from + ">" + to;
        boolean byAnyone = ALLOWED.contains(change) || to.equals("entered-in-error");

        assertThat(LIFECYCLE.violation(from, to, CLIENT, true).map(Violation::message)).as("a client, " + change)
                .isEqualTo(byAnyone ? Optional.empty() : Optional.of("Task status cannot change from " + from + " to "
                        + to + "; allowed next: " + String.join(", ", LIFECYCLE.allowedNext(from, CLIENT))));
        assertThat(LIFECYCLE.violation(from, to, SERVER, true).isEmpty()).as("the server, " + change)
                .isEqualTo(byAnyone || serverOnly(from, to));
    }

    @Test
    void namesTheAllowedNextStatusesAndSaysWhenThereAreNone() {
        assertThat(LIFECYCLE.violation("requested", "in-progress", CLIENT, true).map(Violation::message)).contains(
                "Task status cannot change from requested to in-progress; allowed next: accepted, rejected, cancelled,"
                        + " entered-in-error");
        assertThat(LIFECYCLE.allowedNext("entered-in-error", CLIENT)).containsExactly("entered-in-error");
        assertThat(LIFECYCLE.violation("rejected", "requested", CLIENT, true).map(Violation::message))
                .contains("Task status cannot change from rejected to requested; allowed next: entered-in-error");
    }

    @ParameterizedTest(name = "{0} -> in-progress without owner")
    @CsvSource(nullValues = "-", value = {"accepted", "on-hold", "ready", "-"})
    void inProgressNeedsAnOwner(String from) {
        assertThat(LIFECYCLE.violation(from, "in-progress", CLIENT, false)).contains(new Violation("Task.owner",
                "A Task in progress needs an owner (Task.owner): who is doing it"));
    }

    @Test
    void aCreateMayStartInAnyStatusAndKeepingTheStatusIsNoTransition() {
        assertThat(TaskLifecycle.STATUSES).allSatisfy(status -> {
            assertThat(LIFECYCLE.violation(null, status, CLIENT, true)).isEmpty();
            assertThat(LIFECYCLE.violation(status, status, CLIENT, true)).isEmpty();
        });
    }

    @Test
    void onlyCompletedAndFailedEndATask() {
        assertThat(TaskLifecycle.STATUSES.stream().filter(TaskLifecycle::ends).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("completed", "failed");
    }

    @Test
    void aSitesTableMayReopenATerminalTask() throws Exception {
        TaskLifecycle reopening = TaskTransitions.read("site.csv", csv(
                "from,to,by,source", "completed,in-progress,anyone,site policy: a completed outreach may be resumed"));

        assertThat(reopening.violation("completed", "in-progress", CLIENT, true)).isEmpty();
        assertThat(reopening.violation("requested", "accepted", CLIENT, true)).isPresent();
    }

    @Test
    void reportsEveryBadLineOfASitesTable() {
        assertThatThrownBy(() -> TaskTransitions.read("site.csv", csv("from,to,by,source",
                        "requested,done,anyone,s", "sometimes,accepted,everyone,", "any,any,anyone,s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid Task transitions:\n"
                        + "site.csv:2: unknown Task status 'done' in to\n"
                        + "site.csv:3: unknown Task status 'sometimes' in from\n"
                        + "site.csv:3: by must be anyone or server, not 'everyone'\n"
                        + "site.csv:3: empty source\n"
                        + "site.csv:4: unknown Task status 'any' in to");
    }

    private static ByteArrayInputStream csv(String... lines) {
        return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
