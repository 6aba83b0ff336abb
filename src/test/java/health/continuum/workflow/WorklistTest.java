package health.continuum.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.calendar.BusinessDayClock;
import health.continuum.workflow.Worklist.Entry;
import health.continuum.workflow.Worklist.Item;
import health.continuum.workflow.Worklist.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorklistTest {

    // 2025-05-06 is a Tuesday; 2025-05-05 (Monday) a holiday of this clock
    private static final BusinessDayClock CLOCK =
            new BusinessDayClock(ZoneId.of("America/New_York"), Set.of(LocalDate.parse("2025-05-05")));
    private static final Worklist WORKLIST = new Worklist(CLOCK);

    @Test
    void overdueTasksComeFirstThenByDueDateThenByPriorityAndUndatedOnesLast() {
        List<Item> items = List.of(
                item("undated-stat", null, Priority.STAT),
                item("later-routine", "2025-05-09", Priority.ROUTINE),
                item("later-stat", "2025-05-09", Priority.STAT),
                item("today", "2025-05-06", Priority.ROUTINE),
                item("overdue-recent", "2025-05-01", Priority.URGENT),
                item("overdue-oldest", "2025-04-20", Priority.ROUTINE),
                item("later-asap", "2025-05-09", Priority.ASAP));

        List<Entry> ordered = WORKLIST.order(items, Instant.parse("2025-05-06T15:00:00Z"));

        assertThat(ordered).extracting(entry -> entry.item().id()).containsExactly("overdue-oldest",
                "overdue-recent", "today", "later-stat", "later-asap", "later-routine", "undated-stat");
        assertThat(ordered).extracting(Entry::overdue).containsExactly(true, true, false, false, false, false, false);
    }

    @ParameterizedTest(name = "due {0}, now {1}: overdue {2}")
    @CsvSource({
        "2025-05-06, 2025-05-06T23:59:00-04:00, false", // due today: not yet overdue, to the end of the day
        "2025-05-06, 2025-05-07T00:01:00-04:00, true",
        "2025-05-07, 2025-05-07T03:00:00Z, false", // 23:00 of 05-06 in New York: the clock's zone decides
        "2025-05-03, 2025-05-05T12:00:00-04:00, false", // due Saturday, Monday a holiday: Tuesday is still in time
        "2025-05-03, 2025-05-06T12:00:00-04:00, false",
        "2025-05-03, 2025-05-07T12:00:00-04:00, true",
        "2025-05-02, 2025-05-05T12:00:00-04:00, true", // due Friday: overdue on the next calendar day
    })
    void aTaskIsOverdueOnceItsLastBusinessDayHasPassed(String due, String now, boolean overdue) {
        Entry entry = WORKLIST.order(List.of(item("t", due, Priority.ROUTINE)), OffsetDateTime.parse(now).toInstant())
                .get(0);

        assertThat(entry.overdue()).isEqualTo(overdue);
    }

    @Test
    void aTaskWithoutADueDateIsNeverOverdue() {
        assertThat(WORKLIST.order(List.of(item("t", null, Priority.STAT)), Instant.parse("2030-01-01T00:00:00Z")))
                .extracting(Entry::overdue).containsExactly(false);
    }

    @ParameterizedTest
    @CsvSource(value = {"stat, STAT", "asap, ASAP", "urgent, URGENT", "routine, ROUTINE", "NULL, ROUTINE",
        "emergency, ROUTINE"}, nullValues = "NULL")
    void priorityCodesOfR4AndAnythingElseAsRoutine(String code, Priority priority) {
        assertThat(Priority.of(code)).isEqualTo(priority);
    }

    private static Item item(String id, String due, Priority priority) {
        return new Item(id, due == null ? null : LocalDate.parse(due), priority);
    }
}
