package health.continuum.medication;

import java.util.Set;

/**
 * One line of a reconciliation.
 *
 * @param priorReference null for {@link ReconciliationFlag#NEW}, and for a stop order that matches no prior medication
 * @param orderReference null for {@link ReconciliationFlag#OMITTED}
 * @param changes        what differs, for {@link ReconciliationFlag#CHANGED}; empty otherwise
 */
public record ReconciliationItem(ReconciliationFlag flag, String priorReference, String orderReference, Set<Change> changes) {

    public enum Change { INGREDIENTS, DOSE, ROUTE, FREQUENCY }

    public ReconciliationItem {
        changes = Set.copyOf(changes);
    }
}
