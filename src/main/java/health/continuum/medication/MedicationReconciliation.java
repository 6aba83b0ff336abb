package health.continuum.medication;

import health.continuum.medication.ReconciliationItem.Change;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Compares prior medications with an encounter's orders; a prior and an order match when they share an ingredient. */
public final class MedicationReconciliation {

    private MedicationReconciliation() {
    }

    /**
     * One item per (prior, order) match, per unmatched order, and per prior medication nothing addresses; orders first, in the
     * order given, then omissions. Entries with status entered-in-error are ignored.
     */
    public static List<ReconciliationItem> compare(List<ReconciliationEntry> priorMedications, List<ReconciliationEntry> orders) {
        List<ReconciliationEntry> priors = priorMedications.stream().filter(prior -> !prior.isEnteredInError()).toList();
        Set<ReconciliationEntry> addressed = new HashSet<>();
        List<ReconciliationItem> items = new ArrayList<>();
        for (ReconciliationEntry order : orders) {
            if (order.isEnteredInError()) {
                continue;
            }
            List<ReconciliationEntry> matches = priors.stream().filter(prior -> prior.sharesIngredientWith(order)).toList();
            addressed.addAll(matches);
            if (matches.isEmpty()) {
                ReconciliationFlag flag = order.isStopOrder() ? ReconciliationFlag.STOPPED : ReconciliationFlag.NEW;
                items.add(new ReconciliationItem(flag, null, order.reference(), Set.of()));
            }
            for (ReconciliationEntry prior : matches) {
                items.add(classify(prior, order));
            }
        }
        for (ReconciliationEntry prior : priors) {
            if (!addressed.contains(prior)) {
                items.add(new ReconciliationItem(ReconciliationFlag.OMITTED, prior.reference(), null, Set.of()));
            }
        }
        return List.copyOf(items);
    }

    /** How one order addresses one prior medication that shares an ingredient with it. */
    static ReconciliationItem classify(ReconciliationEntry prior, ReconciliationEntry order) {
        if (order.isStopOrder()) {
            return new ReconciliationItem(ReconciliationFlag.STOPPED, prior.reference(), order.reference(), Set.of());
        }
        Set<Change> changes = changes(prior, order);
        ReconciliationFlag flag = changes.isEmpty() ? ReconciliationFlag.CONTINUED : ReconciliationFlag.CHANGED;
        return new ReconciliationItem(flag, prior.reference(), order.reference(), changes);
    }

    private static Set<Change> changes(ReconciliationEntry prior, ReconciliationEntry order) {
        Set<Change> changes = EnumSet.noneOf(Change.class);
        if (!prior.ingredientRxcuis().equals(order.ingredientRxcuis())) {
            changes.add(Change.INGREDIENTS);
        }
        if (differ(prior.dosage().dose(), order.dosage().dose())) {
            changes.add(Change.DOSE);
        }
        if (differ(prior.dosage().route(), order.dosage().route())) {
            changes.add(Change.ROUTE);
        }
        if (differ(prior.dosage().frequency(), order.dosage().frequency())) {
            changes.add(Change.FREQUENCY);
        }
        return changes;
    }

    /** Free text compared without case or spacing ("10 mg" = "10mg"); a value against none is a change to review. */
    private static boolean differ(String prior, String order) {
        return !comparable(prior).equals(comparable(order));
    }

    private static String comparable(String value) {
        return value == null ? "" : value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
