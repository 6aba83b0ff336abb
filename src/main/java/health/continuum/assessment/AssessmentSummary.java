package health.continuum.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a patient's comprehensive assessment stands, per domain: the latest result of each instrument, and whether the
 * domain has a result no older than the site's limit (current), only older ones (outdated), or none (missing).
 */
public final class AssessmentSummary {

    public enum Status {
        CURRENT, OUTDATED, MISSING
    }

    /** A domain's standing and the latest result of each of its instruments, newest first. */
    public record DomainStatus(Domain domain, Status status, List<ScreenResult> latest) {}

    private AssessmentSummary() {}

    public static List<DomainStatus> of(Collection<Instrument> instruments, List<ScreenResult> results, Instant now,
            Duration maxAge) {
        Map<String, ScreenResult> latestByInstrument = results.stream().collect(Collectors.toMap(
                result -> result.instrument().id(), result -> result,
                (one, other) -> one.date().isAfter(other.date()) ? one : other));
        return Arrays.stream(Domain.values()).map(domain -> {
            List<ScreenResult> latest = instruments.stream()
                    .filter(instrument -> instrument.domain() == domain)
                    .map(instrument -> latestByInstrument.get(instrument.id()))
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing(ScreenResult::date).reversed())
                    .toList();
            Status status = latest.isEmpty() ? Status.MISSING
                    : latest.get(0).date().isBefore(now.minus(maxAge)) ? Status.OUTDATED : Status.CURRENT;
            return new DomainStatus(domain, status, latest);
        }).toList();
    }
}
