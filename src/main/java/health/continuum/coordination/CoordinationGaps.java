package health.continuum.coordination;

import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.canonical.DerivedIds;
import health.continuum.canonical.StandardCodes;
import health.continuum.conformance.RuleFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which coordination-gap Tasks a checked record opens or closes. A record that fails Continuum rules while it
 * is open (an active care plan, not a completed one) opens one Task about itself; an active care team without a care
 * coordinator opens one Task per patient instead, since the patient needs one coordinator, not one per team. Each Task
 * has an id derived from what it is about, so it is opened once and found again without a search.
 */
public final class CoordinationGaps {

    /** Constraint key of the coordinator rule in fhir-profiles/StructureDefinition-continuum-careteam.json. */
    static final String COORDINATOR_RULE = "continuum-careteam-coordinator";

    // The statuses of each type's required R4 value set in which the record still describes current care
    private static final Map<String, Set<String>> OPEN_STATUSES = Map.of(
            "CarePlan", Set.of("draft", "active", "on-hold"),
            "CareTeam", Set.of("proposed", "active", "suspended"),
            "Task", Set.of("draft", "requested", "received", "accepted", "ready", "in-progress", "on-hold"),
            "MedicationStatement", Set.of("active", "intended", "on-hold"));

    private CoordinationGaps() {}

    /**
     * A record write checked against its Continuum profile.
     *
     * @param reference Type/id
     * @param status its status code, null when absent (CareTeam.status is optional: taken as open)
     * @param patient Patient/id of its subject (Task.for), null when it is not a patient's
     * @param created a new record, which no gap Task can be about yet
     */
    public record CheckedRecord(
            String type, String reference, String status, String patient, boolean created, List<RuleFailure> failures) {}

    public sealed interface Action permits Open, Close {
        String taskId();
    }

    /** Open (or reopen, if it was completed) the Task with this id. */
    public record Open(String taskId, TaskType type, String patient, String focus, String description)
            implements Action {}

    /** Complete the Task with this id if it exists and is open. */
    public record Close(String taskId, String reason) implements Action {}

    public static List<Action> actions(CheckedRecord record) {
        List<Action> actions = new ArrayList<>();
        boolean open = record.status() == null
                || OPEN_STATUSES.getOrDefault(record.type(), Set.of()).contains(record.status());
        List<RuleFailure> others = record.failures().stream().filter(failure -> !isCoordinatorRule(failure)).toList();
        if (record.type().equals("CareTeam") && record.patient() != null && open) {
            boolean coordinatorMissing = others.size() < record.failures().size();
            String taskId = coordinatorTaskId(record.patient());
            actions.add(coordinatorMissing
                    ? new Open(taskId, TaskType.ASSIGN_CARE_COORDINATOR, record.patient(), record.reference(),
                            "Assign a care coordinator to the care team of " + record.patient() + " ("
                                    + record.reference() + " has none): add a participant with role SNOMED CT "
                                    + StandardCodes.CASE_MANAGER.code() + " Case manager, as the Continuum CareTeam"
                                    + " profile requires")
                    : new Close(taskId, record.reference() + " has a care coordinator"));
        }
        String gapId = gapTaskId(record.reference());
        if (open && record.patient() != null && !others.isEmpty()) {
            actions.add(new Open(gapId, TaskType.RESOLVE_COORDINATION_GAP, record.patient(), record.reference(),
                    record.reference() + " does not meet the Continuum " + record.type() + " profile: "
                            + others.stream().map(CoordinationGaps::describe).collect(Collectors.joining("; "))));
        } else if (!record.created()) {
            actions.add(new Close(gapId, open
                    ? record.reference() + " meets the Continuum " + record.type() + " profile"
                    : record.reference() + " is no longer open (status " + record.status() + ")"));
        }
        return actions;
    }

    /** The id of the gap Task about a record, also what its deletion removes. */
    public static String gapTaskId(String reference) {
        return DerivedIds.of("gap", reference);
    }

    static String coordinatorTaskId(String patient) {
        return DerivedIds.of("coordinator", patient);
    }

    private static boolean isCoordinatorRule(RuleFailure failure) {
        return failure.message() != null && failure.message().contains(COORDINATOR_RULE);
    }

    private static String describe(RuleFailure failure) {
        return failure.expression() == null ? failure.message() : failure.expression() + ": " + failure.message();
    }
}
