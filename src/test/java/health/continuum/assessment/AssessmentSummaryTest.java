package health.continuum.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.assessment.AssessmentSummary.DomainStatus;
import health.continuum.assessment.AssessmentSummary.Status;
import health.continuum.assessment.Instrument.Band;
import health.continuum.assessment.Instrument.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each domain's standing from the latest result of each of its instruments. */
class AssessmentSummaryTest {

    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);
    private static final Instrument DEPRESSION = instrument("depression", Domain.BEHAVIORAL);
    private static final Instrument ANXIETY = instrument("anxiety", Domain.BEHAVIORAL);
    private static final Instrument FOOD = instrument("food", Domain.SOCIAL);

    @Test
    void theLatestResultOfEachInstrumentNewestFirstAndDomainsWithoutAnyAreMissing() {
        ScreenResult oldDepression = result(DEPRESSION, "2026-01-10T00:00:00Z", "Observation/1");
        ScreenResult newDepression = result(DEPRESSION, "2026-11-10T00:00:00Z", "Observation/2");
        ScreenResult anxiety = result(ANXIETY, "2026-06-10T00:00:00Z", "Observation/3");

        List<DomainStatus> domains = AssessmentSummary.of(List.of(DEPRESSION, ANXIETY, FOOD),
                List.of(oldDepression, anxiety, newDepression), NOW, YEAR);

        assertThat(domains).extracting(DomainStatus::domain).containsExactly(Domain.values());
        DomainStatus behavioral = domains.get(1);
        assertThat(behavioral.status()).isEqualTo(Status.CURRENT);
        assertThat(behavioral.latest()).containsExactly(newDepression, anxiety);
        assertThat(domains).filteredOn(domain -> domain.domain() != Domain.BEHAVIORAL)
                .allSatisfy(domain -> {
                    assertThat(domain.status()).isEqualTo(Status.MISSING);
                    assertThat(domain.latest()).isEmpty();
                });
    }

    @Test
    void aDomainWhoseNewestResultIsOlderThanTheLimitIsOutdatedAndOneAtTheLimitIsCurrent() {
        ScreenResult atTheLimit = result(FOOD, NOW.minus(YEAR).toString(), "Observation/4");
        ScreenResult pastIt = result(DEPRESSION, NOW.minus(YEAR).minusSeconds(1).toString(), "Observation/5");

        List<DomainStatus> domains = AssessmentSummary.of(List.of(DEPRESSION, FOOD), List.of(atTheLimit, pastIt),
                NOW, YEAR);

        assertThat(domains.get(1).status()).isEqualTo(Status.OUTDATED);
        assertThat(domains.get(2).status()).isEqualTo(Status.CURRENT);
    }

    private static ScreenResult result(Instrument instrument, String date, String evidence) {
        return new ScreenResult(instrument, Instant.parse(date), 1, instrument.bandOf(1), evidence);
    }

    private static Instrument instrument(String id, Domain domain) {
        return new Instrument(id, "https://example.org/" + id, id, domain, id + "-total",
                List.of(new Item("a", "a", "a", Map.of("no", 0, "yes", 1))), Set.of(),
                List.of(new Band(0, 0, "negative", false, "s"), new Band(1, 1, "positive", true, "s")));
    }
}
