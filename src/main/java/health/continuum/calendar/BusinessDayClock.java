package health.continuum.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Deadlines counted in business days (Monday to Friday, minus the configured holidays) or calendar days, on the dates
 * of one time zone.
 *
 * <p>Rule for CMS TCM "within 2 business days of discharge": the deadline is the 2nd business day after the discharge
 * date; the discharge day itself never counts, so a weekend or holiday discharge counts from the next business day.
 */
public record BusinessDayClock(ZoneId zone, Set<LocalDate> holidays) {

    public BusinessDayClock {
        Objects.requireNonNull(zone, "zone");
        holidays = Set.copyOf(holidays);
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The date itself when it is a business day, else the next business day after it. */
    public LocalDate businessDayOnOrAfter(LocalDate date) {
        return isBusinessDay(date) ? date : addBusinessDays(date, 1);
    }

    /** The date on which the {@code days}-th business day after {@code date} falls. */
    public LocalDate addBusinessDays(LocalDate date, int days) {
        requireNonNegative(days);
        LocalDate result = date;
        int counted = 0;
        while (counted < days) {
            result = result.plusDays(1);
            if (isBusinessDay(result)) {
                counted++;
            }
        }
        return result;
    }

    public LocalDate addBusinessDays(Instant instant, int days) {
        return addBusinessDays(dateOf(instant), days);
    }

    public LocalDate addCalendarDays(Instant instant, int days) {
        requireNonNegative(days);
        return dateOf(instant).plusDays(days);
    }

    /** Whether {@code instant} falls on {@code deadline} or earlier, in this clock's zone. */
    public boolean isOnOrBefore(Instant instant, LocalDate deadline) {
        return !dateOf(instant).isAfter(deadline);
    }

    private static void requireNonNegative(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
    }
}
