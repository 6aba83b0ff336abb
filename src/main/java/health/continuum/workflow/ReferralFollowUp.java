package health.continuum.workflow;

import health.continuum.calendar.BusinessDayClock;
import health.continuum.canonical.DerivedIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * When a referral to a community organization needs the coordinator's follow-up: it still awaits acceptance (Gravity
 * SDOH referral Task states requested or received) once the site's number of business days after it was authored
 * has passed. The number is a site's service agreement with its partners; no guide sets one.
 */
public record ReferralFollowUp(BusinessDayClock clock, int acceptanceBusinessDays) {

    /** The statuses of a referral the receiving organization has not yet accepted or refused. */
    public static final List<String> AWAITING_ACCEPTANCE = List.of("requested", "received");

    public ReferralFollowUp {
        if (acceptanceBusinessDays < 0) {
            throw new IllegalArgumentException("acceptance business days must not be negative: " + acceptanceBusinessDays);
        }
    }

    public boolean isDue(String status, Instant authoredOn, Instant now) {
        return AWAITING_ACCEPTANCE.contains(status) && authoredOn != null
                && clock.dateOf(now).isAfter(clock.addBusinessDays(authoredOn, acceptanceBusinessDays));
    }

    /** Referrals authored on or after this date cannot be due yet: business days are never fewer than calendar days. */
    public LocalDate authoredBefore(Instant now) {
        return clock.dateOf(now).minusDays(acceptanceBusinessDays);
    }

    /** The follow-up Task's id, derived from the referral's reference so that each referral gets one. */
    public static String followUpTaskId(String referral) {
        return DerivedIds.of("referral-follow-up", referral);
    }
}
