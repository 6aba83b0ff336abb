package health.continuum.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scored instrument: the items of its Questionnaire with each answer's published score, its total-score code and
 * its score bands.
 *
 * @param id the Questionnaire's id, e.g. phq-9
 * @param questionnaireUrl the canonical URL a QuestionnaireResponse names in {@code questionnaire}
 * @param title the instrument's name for people
 * @param domain the domain of a comprehensive assessment it screens
 * @param totalCode the LOINC code of the total score
 * @param items the scored items, in the Questionnaire's order
 * @param displayItems the linkIds of its text-only items, which a response may repeat without an answer
 * @param bands the score bands, covering every possible total
 */
public record Instrument(String id, String questionnaireUrl, String title, Domain domain, String totalCode,
        List<Item> items, Set<String> displayItems, List<Band> bands) {

    /** A scored item: its linkId and LOINC code, and the score of each answer code (LOINC LA codes). */
    public record Item(String linkId, String code, String text, Map<String, Integer> scoreByAnswer) {}

    /** A band of totals, inclusive; a total in a positive band is a positive screen. */
    public record Band(int min, int max, String name, boolean positive, String source) {
        boolean holds(int total) {
            return total >= min && total <= max;
        }
    }

    public Instrument {
        items = List.copyOf(items);
        displayItems = Set.copyOf(displayItems);
        bands = List.copyOf(bands);
        int highest = items.stream().mapToInt(item -> item.scoreByAnswer().values().stream()
                .mapToInt(Integer::intValue).max().orElse(0)).sum();
        for (int total = 0; total <= highest; total++) {
            int score = total;
            if (bands.stream().filter(band -> band.holds(score)).count() != 1) {
                throw new IllegalArgumentException("%s: a total of %d is in %d bands, not one"
                        .formatted(id, total, bands.stream().filter(band -> band.holds(score)).count()));
            }
        }
    }

    /** The band of a total the items can add up to. */
    public Band bandOf(int total) {
        return bands.stream().filter(band -> band.holds(total)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + ": no band holds " + total));
    }

    Optional<Item> item(String linkId) {
        return items.stream().filter(item -> item.linkId().equals(linkId)).findFirst();
    }
}
