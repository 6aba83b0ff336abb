package health.continuum.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessDayClockTest {

    private static final BusinessDayClock UTC = new BusinessDayClock(ZoneOffset.UTC, Set.of());

    private static BusinessDayClock withHolidays(String... dates) {
        return new BusinessDayClock(
                ZoneOffset.UTC, Arrays.stream(dates).map(LocalDate::parse).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0} discharge on {1}: contact due {2}")
    @CsvSource({
        "Monday,    2025-03-03, 2025-03-05",
        "Tuesday,   2025-03-04, 2025-03-06",
        "Wednesday, 2025-03-05, 2025-03-07",
        "Thursday,  2025-03-06, 2025-03-10",
        "Friday,    2025-03-07, 2025-03-11",
        "Saturday,  2025-03-08, 2025-03-11",
        "Sunday,    2025-03-09, 2025-03-11",
    })
    void twoBusinessDaysAfterEachDayOfTheWeek(String day, LocalDate discharge, LocalDate due) {
        assertThat(discharge.getDayOfWeek().toString()).isEqualToIgnoringCase(day);
        assertThat(UTC.addBusinessDays(discharge, 2)).isEqualTo(due);
    }

    @Test
    void aHolidayDischargeCountsFromTheNextBusinessDay() {
        // Memorial Day, Monday 2025-05-26: Tuesday is day 1, Wednesday day 2
        assertThat(withHolidays("2025-05-26").addBusinessDays(LocalDate.parse("2025-05-26"), 2))
                .isEqualTo(LocalDate.parse("2025-05-28"));
    }

    @Test
    void aHolidayOnTheDeadlinePushesItToTheNextBusinessDay() {
        // Wednesday 2025-07-02: Thursday is day 1, Friday 4 July a holiday, so Monday is day 2
        assertThat(withHolidays("2025-07-04").addBusinessDays(LocalDate.parse("2025-07-02"), 2))
                .isEqualTo(LocalDate.parse("2025-07-07"));
    }

    @Test
    void aHolidayMondayAfterAFridayDischargeIsSkippedWithTheWeekend() {
        assertThat(withHolidays("2025-05-26").addBusinessDays(LocalDate.parse("2025-05-23"), 2))
                .isEqualTo(LocalDate.parse("2025-05-28"));
    }

    @Test
    void aHolidayFridayBeforeTheWeekendIsSkippedWithIt() {
        // Thursday 2025-07-03: Friday 4 July, Saturday and Sunday skipped; Monday day 1, Tuesday day 2
        assertThat(withHolidays("2025-07-04").addBusinessDays(LocalDate.parse("2025-07-03"), 2))
                .isEqualTo(LocalDate.parse("2025-07-08"));
    }

    @Test
    void countsAcrossTheYearBoundary() {
        BusinessDayClock clock = withHolidays("2025-12-25", "2026-01-01");
        // Wednesday 2025-12-31: 1 January is a holiday, Friday 2 January day 1, Monday 5 January day 2
        assertThat(clock.addBusinessDays(LocalDate.parse("2025-12-31"), 2)).isEqualTo(LocalDate.parse("2026-01-05"));
        // Wednesday 2025-12-24: Christmas skipped, Friday 26 day 1, Monday 29 day 2
        assertThat(clock.addBusinessDays(LocalDate.parse("2025-12-24"), 2)).isEqualTo(LocalDate.parse("2025-12-29"));
    }

    @Test
    void aDischargeLateInTheUtcDayIsAlreadyTheNextDayInAZoneEastOfUtc() {
        Instant thursdayLateUtc = Instant.parse("2025-03-06T23:30:00Z"); // Friday 00:30 in Berlin
        BusinessDayClock berlin = new BusinessDayClock(ZoneId.of("Europe/Berlin"), Set.of());

        assertThat(berlin.dateOf(thursdayLateUtc)).isEqualTo(LocalDate.parse("2025-03-07"));
        assertThat(berlin.addBusinessDays(thursdayLateUtc, 2)).isEqualTo(LocalDate.parse("2025-03-11"));
        assertThat(UTC.addBusinessDays(thursdayLateUtc, 2)).isEqualTo(LocalDate.parse("2025-03-10"));
    }

    @Test
    void aDischargeEarlyInTheUtcDayIsStillThePreviousDayInAZoneWestOfUtc() {
        Instant tuesdayEarlyUtc = Instant.parse("2025-03-04T02:00:00Z"); // Monday 21:00 in New York
        BusinessDayClock newYork = new BusinessDayClock(ZoneId.of("America/New_York"), Set.of());

        assertThat(newYork.dateOf(tuesdayEarlyUtc)).isEqualTo(LocalDate.parse("2025-03-03"));
        assertThat(newYork.addBusinessDays(tuesdayEarlyUtc, 2)).isEqualTo(LocalDate.parse("2025-03-05"));
        assertThat(UTC.addBusinessDays(tuesdayEarlyUtc, 2)).isEqualTo(LocalDate.parse("2025-03-06"));
    }

    @Test
    void calendarDaysIgnoreWeekendsAndHolidays() {
        BusinessDayClock clock = withHolidays("2026-01-01");
        Instant sunday = Instant.parse("2025-12-28T12:00:00Z");

        assertThat(clock.addCalendarDays(sunday, 7)).isEqualTo(LocalDate.parse("2026-01-04"));
        assertThat(clock.addCalendarDays(sunday, 14)).isEqualTo(LocalDate.parse("2026-01-11"));
    }

    @Test
    void deadlinesAreComparedOnTheZonesDates() {
        BusinessDayClock newYork = new BusinessDayClock(ZoneId.of("America/New_York"), Set.of());
        LocalDate deadline = LocalDate.parse("2025-03-11");

        assertThat(newYork.isOnOrBefore(Instant.parse("2025-03-12T03:30:00Z"), deadline)).isTrue(); // 23:30 EDT
        assertThat(newYork.isOnOrBefore(Instant.parse("2025-03-12T04:30:00Z"), deadline)).isFalse(); // 00:30 EDT
    }

    @Test
    void zeroDaysIsTheSameDateAndNegativeDaysAreRejected() {
        LocalDate saturday = LocalDate.parse("2025-03-08");

        assertThat(UTC.addBusinessDays(saturday, 0)).isEqualTo(saturday);
        assertThat(UTC.isBusinessDay(saturday)).isFalse();
        assertThatThrownBy(() -> UTC.addBusinessDays(saturday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2025-05-02, 2025-05-02", "2025-05-03, 2025-05-06", "2025-05-05, 2025-05-06"})
    void aBusinessDayOnOrAfterIsTheDateItselfOrTheNextBusinessDay(String date, String expected) {
        // 2025-05-03 is a Saturday, 2025-05-05 (Monday) a holiday of this clock
        BusinessDayClock clock = new BusinessDayClock(ZoneOffset.UTC, Set.of(LocalDate.parse("2025-05-05")));

        assertThat(clock.businessDayOnOrAfter(LocalDate.parse(date))).isEqualTo(LocalDate.parse(expected));
    }
}
