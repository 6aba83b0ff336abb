package health.continuum.transition;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** LACE index of 30-day readmission risk (van Walraven et al., CMAJ 2010;182:551-557). */
public final class LaceIndex {

    private LaceIndex() {}

    /**
     * Scores one stay. Length of stay is the number of calendar days between the admission date and the discharge
     * date in {@code zone}: a same-day discharge is 0 days ("&lt;1"), admission on the 1st and discharge on the 3rd is
     * 2 days, whatever the hours.
     */
    public static LaceResult score(LaceInput input, ZoneId zone) {
        int days = (int) ChronoUnit.DAYS.between(
                input.admission().atZone(zone).toLocalDate(), input.discharge().atZone(zone).toLocalDate());
        int emergent = input.emergent() ? 1 : 0;
        return new LaceResult(
                new LaceResult.Component(days, lengthOfStayPoints(days)),
                // van Walraven 2010 table: acute (emergent) admission 3
                new LaceResult.Component(emergent, 3 * emergent),
                new LaceResult.Component(input.charlsonScore(), comorbidityPoints(input.charlsonScore())),
                // van Walraven 2010 table: 0:0, 1:1, 2:2, 3:3, >=4:4
                new LaceResult.Component(input.emergencyVisits(), Math.min(input.emergencyVisits(), 4)));
    }

    // van Walraven 2010 table: <1:0, 1:1, 2:2, 3:3, 4-6:4, 7-13:5, >=14:7
    private static int lengthOfStayPoints(int days) {
        if (days <= 3) {
            return days;
        }
        if (days <= 6) {
            return 4;
        }
        return days <= 13 ? 5 : 7;
    }

    // van Walraven 2010 table: 0:0, 1:1, 2:2, 3:3, >=4:5
    private static int comorbidityPoints(int charlson) {
        return charlson >= 4 ? 5 : charlson;
    }
}
