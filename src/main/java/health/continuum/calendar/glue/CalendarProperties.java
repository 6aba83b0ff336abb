package health.continuum.calendar.glue;

import health.continuum.calendar.BusinessDayClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The care organization's calendar ({@code continuum.calendar.*}); defaults live in application.yaml.
 *
 * @param timeZone the zone whose dates count TCM deadlines, LACE length of stay and Task due dates
 * @param holidays dates that are no business days
 */
@ConfigurationProperties("continuum.calendar")
public record CalendarProperties(ZoneId timeZone, List<LocalDate> holidays) {

    public CalendarProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public BusinessDayClock clock() {
        return new BusinessDayClock(timeZone, Set.copyOf(holidays));
    }
}
