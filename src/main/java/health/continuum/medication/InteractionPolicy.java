package health.continuum.medication;

import java.util.List;

/** What a new finding does to the medication write that caused it. */
public enum InteractionPolicy {
    /** Every write is accepted; findings are recorded as DetectedIssues and reported. */
    WARN,
    /** A new high-severity interaction rejects the write unless the resource carries a documented override. */
    REJECT_HIGH;

    /** The findings that block the write: empty when it may be stored. */
    public List<Finding> blocking(List<Finding> newFindings, boolean overridden) {
        if (this == WARN || overridden) {
            return List.of();
        }
        return newFindings.stream()
                .filter(finding -> finding.type() == FindingType.INTERACTION && finding.severity() == Severity.HIGH)
                .toList();
    }
}
