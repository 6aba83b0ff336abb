package health.continuum.medication;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Findings from a site's own knowledge service, which answers with CDS Hooks cards (CDS Hooks 2.0, "Card Attributes").
 * A card's indicator maps to a severity (critical: high, warning: moderate, info: low); its source becomes the
 * finding's source. A service that fails is a finding too, so that a write it did not check is never a silent pass.
 */
public final class ExternalCards {

    private static final String UNAVAILABLE_SOURCE = "Continuum: the configured CDS Hooks service did not answer";

    /** The card attributes Continuum reads. */
    public record Card(String summary, String indicator, String detail, String sourceLabel, String sourceUrl) {
        public Card {
            Objects.requireNonNull(summary, "summary");
        }
    }

    private ExternalCards() {
    }

    /** One finding per card, about the written medication; a card with an indicator outside the three is low. */
    public static List<Finding> findings(String written, String service, List<Card> cards) {
        return cards.stream().map(card -> new Finding(FindingType.EXTERNAL, severity(card.indicator()), written, null,
                List.of(), "external:" + service + ":" + card.summary(),
                card.summary() + (card.detail() == null || card.detail().isBlank() ? "" : ": " + card.detail().strip()),
                source(card, service))).toList();
    }

    /** The finding for a write the service could not check, with why (timeout, status, unreadable answer). */
    public static Finding unavailable(String written, String service, String why) {
        return new Finding(FindingType.EXTERNAL_UNAVAILABLE, Severity.LOW, written, null, List.of(),
                "external-unavailable:" + service,
                "external check unavailable: " + service + " " + why + "; " + written
                        + " was checked by Continuum's own knowledge base only",
                UNAVAILABLE_SOURCE);
    }

    static Severity severity(String indicator) {
        return switch (indicator == null ? "" : indicator.toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.HIGH;
            case "warning" -> Severity.MODERATE;
            default -> Severity.LOW;
        };
    }

    private static String source(Card card, String service) {
        String label = card.sourceLabel() == null || card.sourceLabel().isBlank() ? service : card.sourceLabel().strip();
        return card.sourceUrl() == null || card.sourceUrl().isBlank() ? label : label + " (" + card.sourceUrl().strip() + ")";
    }
}
