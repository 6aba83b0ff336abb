package health.continuum.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.continuum.calendar.BusinessDayClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferralFollowUpTest {

    // Authored Thursday 2025-05-01; 2025-05-05 (Monday) is a holiday: 2 business days later is Tuesday 2025-05-06
    private static final Instant AUTHORED = Instant.parse("2025-05-01T10:00:00Z");
    private static final ReferralFollowUp RULE = new ReferralFollowUp(
            new BusinessDayClock(ZoneOffset.UTC, Set.of(LocalDate.parse("2025-05-05"))), 2);

    @ParameterizedTest(name = "{0} on {1}: due {2}")
    @CsvSource({
        "requested, 2025-05-06T23:00:00Z, false", // the last day to accept it
        "requested, 2025-05-07T00:00:00Z, true",
        "received, 2025-05-07T08:00:00Z, true",
        "accepted, 2025-05-20T08:00:00Z, false",
        "in-progress, 2025-05-20T08:00:00Z, false",
        "rejected, 2025-05-20T08:00:00Z, false",
        "cancelled, 2025-05-20T08:00:00Z, false",
        "completed, 2025-05-20T08:00:00Z, false",
    })
    void aReferralIsFollowedUpOnlyWhileItAwaitsAcceptancePastItsBusinessDays(String status, String now, boolean due) {
        assertThat(RULE.isDue(status, AUTHORED, Instant.parse(now))).isEqualTo(due);
    }

    @Test
    void aReferralWithoutAnAuthoringDateIsNeverDue() {
        assertThat(RULE.isDue("requested", null, Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void theSearchCutoffNeverMissesADueReferral() {
        Instant now = Instant.parse("2025-05-07T00:00:00Z");

        assertThat(RULE.isDue("requested", AUTHORED, now)).isTrue();
        assertThat(RULE.authoredBefore(now)).isAfter(LocalDate.parse("2025-05-01"));
    }

    @Test
    void eachReferralHasItsOwnFollowUpIdWithinSixtyFourCharacters() {
        assertThat(ReferralFollowUp.followUpTaskId("Task/1")).isEqualTo(ReferralFollowUp.followUpTaskId("Task/1"))
                .isNotEqualTo(ReferralFollowUp.followUpTaskId("Task/2"))
                .startsWith("referral-follow-up-").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void aNegativeNumberOfDaysIsRefused() {
        assertThatThrownBy(() -> new ReferralFollowUp(new BusinessDayClock(ZoneOffset.UTC, Set.of()), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
