package health.continuum.transition;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.calendar.BusinessDayClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TcmScheduleTest {

    private static final Instant ADMISSION = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2025-03-07T14:00:00Z");
    // L 6 days -> 4, A emergent -> 3, C 2 -> 2, E 1 -> 1: 10
    private static final LaceResult LACE_10 =
            LaceIndex.score(new LaceInput(ADMISSION, FRIDAY, true, 2, 1), ZoneOffset.UTC);
    // L 6 days -> 4, A emergent -> 3, C 1 -> 1, E 1 -> 1: 9
    private static final LaceResult LACE_9 =
            LaceIndex.score(new LaceInput(ADMISSION, FRIDAY, true, 1, 1), ZoneOffset.UTC);

    @Test
    void highLaceMeansHighComplexityAndModerateOtherwise() {
        assertThat(LACE_10.total()).isEqualTo(10);
        assertThat(LACE_9.total()).isEqualTo(9);
        assertThat(TcmComplexity.resolve(null, LACE_10)).isEqualTo(TcmComplexity.HIGH);
        assertThat(TcmComplexity.resolve(null, LACE_9)).isEqualTo(TcmComplexity.MODERATE);
    }

    @Test
    void anExplicitComplexityWinsOverLace() {
        assertThat(TcmComplexity.resolve(TcmComplexity.MODERATE, LACE_10)).isEqualTo(TcmComplexity.MODERATE);
        assertThat(TcmComplexity.resolve(TcmComplexity.HIGH, LACE_9)).isEqualTo(TcmComplexity.HIGH);
    }

    @Test
    void aFridayDischargeIsContactedByTuesdayAndSeenWithinSevenOrFourteenDays() {
        BusinessDayClock clock = new BusinessDayClock(ZoneOffset.UTC, Set.of());

        assertThat(TcmSchedule.of(clock, FRIDAY, TcmComplexity.HIGH)).isEqualTo(new TcmSchedule(
                LocalDate.parse("2025-03-07"), TcmComplexity.HIGH,
                LocalDate.parse("2025-03-11"), LocalDate.parse("2025-03-14")));
        assertThat(TcmSchedule.of(clock, FRIDAY, TcmComplexity.MODERATE).visitDue())
                .isEqualTo(LocalDate.parse("2025-03-21"));
    }

    @Test
    void aHolidayMovesOnlyTheContactDeadline() {
        BusinessDayClock clock = new BusinessDayClock(ZoneOffset.UTC, Set.of(LocalDate.parse("2025-03-10")));

        TcmSchedule schedule = TcmSchedule.of(clock, FRIDAY, TcmComplexity.HIGH);

        assertThat(schedule.contactDue()).isEqualTo(LocalDate.parse("2025-03-12"));
        assertThat(schedule.visitDue()).isEqualTo(LocalDate.parse("2025-03-14"));
    }
}
