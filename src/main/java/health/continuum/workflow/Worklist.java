package health.continuum.workflow;

import health.continuum.calendar.BusinessDayClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A coordinator's open Tasks in working order: overdue first, then by due date, then by priority; Tasks without a
 * due date last. A Task is overdue once its due date has passed on the business-day clock: one due on a weekend or
 * holiday may still be done on the next business day.
 */
public final class Worklist {

    /** FHIR R4 request-priority (hl7.org/fhir/R4/valueset-request-priority.html), most urgent first. */
    public enum Priority {
        STAT, ASAP, URGENT, ROUTINE;

        /** A Task without a priority, or with a code R4 does not define, is routine (R4 Task.priority: "routine"). */
        public static Priority of(String code) {
            if (code == null) {
                return ROUTINE;
            }
            return switch (code) {
                case "stat" -> STAT;
                case "asap" -> ASAP;
                case "urgent" -> URGENT;
                default -> ROUTINE;
            };
        }
    }

    /**
     * One open Task.
     *
     * @param due the last day to do it, on the clock's calendar; null when it has none
     */
    public record Item(String id, LocalDate due, Priority priority) {}

    public record Entry(Item item, boolean overdue) {}

    private static final Comparator<Entry> WORKING_ORDER = Comparator.comparing(Entry::overdue).reversed()
            .thenComparing(entry -> entry.item().due(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(entry -> entry.item().priority())
            .thenComparing(entry -> entry.item().id());

    private final BusinessDayClock clock;

    public Worklist(BusinessDayClock clock) {
        this.clock = clock;
    }

    public List<Entry> order(Collection<Item> items, Instant now) {
        LocalDate today = clock.dateOf(now);
        return items.stream()
                .map(item -> new Entry(item, isOverdue(item, today)))
                .sorted(WORKING_ORDER)
                .toList();
    }

    private boolean isOverdue(Item item, LocalDate today) {
        return item.due() != null && today.isAfter(clock.businessDayOnOrAfter(item.due()));
    }
}
