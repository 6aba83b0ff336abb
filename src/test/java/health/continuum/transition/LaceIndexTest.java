package health.continuum.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaceIndexTest {

    private static final Instant ADMISSION = Instant.parse("2025-03-01T10:00:00Z");

    private static LaceResult score(int days, boolean emergent, int charlson, int emergencyVisits) {
        Instant discharge = ADMISSION.plus(days, ChronoUnit.DAYS);
        return LaceIndex.score(
                new LaceInput(ADMISSION, discharge, emergent, charlson, emergencyVisits), ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "{0} days -> {1} points")
    @CsvSource({"0,0", "1,1", "2,2", "3,3", "4,4", "6,4", "7,5", "13,5", "14,7", "45,7"})
    void lengthOfStayBands(int days, int points) {
        assertThat(score(days, false, 0, 0).lengthOfStay()).isEqualTo(new LaceResult.Component(days, points));
    }

    @ParameterizedTest(name = "Charlson {0} -> {1} points")
    @CsvSource({"0,0", "1,1", "2,2", "3,3", "4,5", "9,5"})
    void comorbidityBands(int charlson, int points) {
        assertThat(score(0, false, charlson, 0).comorbidity()).isEqualTo(new LaceResult.Component(charlson, points));
    }

    @ParameterizedTest(name = "{0} ED visits -> {1} points")
    @CsvSource({"0,0", "1,1", "2,2", "3,3", "4,4", "12,4"})
    void emergencyVisitBands(int visits, int points) {
        assertThat(score(0, false, 0, visits).emergencyVisits()).isEqualTo(new LaceResult.Component(visits, points));
    }

    @Test
    void anEmergentAdmissionScoresThree() {
        assertThat(score(0, true, 0, 0).acuity()).isEqualTo(new LaceResult.Component(1, 3));
        assertThat(score(0, false, 0, 0).acuity()).isEqualTo(new LaceResult.Component(0, 0));
    }

    @Test
    void nineIsNotHighRisk() {
        // L 5 days -> 4, A emergent -> 3, C 1 -> 1, E 1 -> 1: 4 + 3 + 1 + 1 = 9
        LaceResult lace = score(5, true, 1, 1);
        assertThat(lace.total()).isEqualTo(9);
        assertThat(lace.high()).isFalse();
    }

    @Test
    void tenIsHighRisk() {
        // L 7 days -> 5, A elective -> 0, C 4 -> 5, E 0 -> 0: 5 + 0 + 5 + 0 = 10
        LaceResult lace = score(7, false, 4, 0);
        assertThat(lace.total()).isEqualTo(10);
        assertThat(lace.high()).isTrue();
    }

    @Test
    void theHighestScoreIsNineteen() {
        // L 14 days -> 7, A emergent -> 3, C 6 -> 5, E 5 -> 4: 7 + 3 + 5 + 4 = 19
        assertThat(score(14, true, 6, 5).total()).isEqualTo(19);
    }

    @Test
    void aSameDayElectiveStayWithoutHistoryScoresZero() {
        // L 0 days -> 0, A elective -> 0, C 0 -> 0, E 0 -> 0
        assertThat(score(0, false, 0, 0).total()).isZero();
    }

    @Test
    void lengthOfStayCountsCalendarDatesInTheZoneNotHours() {
        // 23:00 to 01:00 next day in New York: 2 hours, but 1 calendar day -> L 1
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant admission = Instant.parse("2025-03-04T04:00:00Z"); // 3 March 23:00 EST
        Instant discharge = Instant.parse("2025-03-04T06:00:00Z"); // 4 March 01:00 EST
        LaceResult lace = LaceIndex.score(new LaceInput(admission, discharge, false, 0, 0), newYork);
        assertThat(lace.lengthOfStay()).isEqualTo(new LaceResult.Component(1, 1));
        // the same stay is a single date in UTC -> L 0
        assertThat(LaceIndex.score(new LaceInput(admission, discharge, false, 0, 0), ZoneOffset.UTC).lengthOfStay())
                .isEqualTo(new LaceResult.Component(0, 0));
    }

    @Test
    void rejectsImpossibleInputs() {
        assertThatThrownBy(() -> new LaceInput(ADMISSION, ADMISSION.minusSeconds(1), false, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LaceInput(ADMISSION, ADMISSION, false, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LaceInput(ADMISSION, ADMISSION, false, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
