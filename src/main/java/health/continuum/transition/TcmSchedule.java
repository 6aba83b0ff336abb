package health.continuum.transition;

import health.continuum.calendar.BusinessDayClock;
import java.time.Instant;
import java.time.LocalDate;

/** The CMS TCM deadlines of one discharge; a deadline date is met by anything on that date or earlier. */
public record TcmSchedule(LocalDate dischargeDate, TcmComplexity complexity, LocalDate contactDue, LocalDate visitDue) {

    /** CMS TCM: interactive contact with the patient or caregiver within 2 business days of discharge. */
    public static final int CONTACT_BUSINESS_DAYS = 2;

    public static TcmSchedule of(BusinessDayClock clock, Instant discharge, TcmComplexity complexity) {
        return new TcmSchedule(
                clock.dateOf(discharge),
                complexity,
                clock.addBusinessDays(discharge, CONTACT_BUSINESS_DAYS),
                clock.addCalendarDays(discharge, complexity.visitDays()));
    }
}
