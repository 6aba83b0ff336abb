package health.continuum.assessment;

import health.continuum.assessment.Instrument.Item;
import health.continuum.assessment.ScreenScore.ItemScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scores a completed response to an instrument: every item answered once with one of its answers, the total the sum
 * of the answers' published scores (Kroenke 2001 for the PHQ-9, Kroenke 2003 for the PHQ-2, Spitzer 2006 for the
 * GAD-7: score-bands.csv), a stated total equal to that sum. Anything else is a problem naming the item.
 */
public final class InstrumentScoring {

    /** The code system of the instruments' answers (LOINC answer codes, LA...). */
    public static final String LOINC = "http://loinc.org";

    private InstrumentScoring() {}

    /** The outcome: a score, or the problems that keep the response from having one. */
    public sealed interface Outcome permits Scored, Refused {}

    public record Scored(ScreenScore score) implements Outcome {}

    public record Refused(List<ScoringProblem> problems) implements Outcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    public static Outcome score(Instrument instrument, List<Answer> answers) {
        Map<String, List<Answer>> byLinkId = answers.stream()
                .collect(Collectors.groupingBy(Answer::linkId, LinkedHashMap::new, Collectors.toList()));
        List<ScoringProblem> problems = new ArrayList<>();
        List<ItemScore> scores = new ArrayList<>();
        for (Item item : instrument.items()) {
            List<Answer> given = byLinkId.getOrDefault(item.linkId(), List.of()).stream()
                    .filter(answer -> answer.code() != null || answer.integer() != null)
                    .toList();
            String where = byLinkId.containsKey(item.linkId())
                    ? byLinkId.get(item.linkId()).get(0).location() : "QuestionnaireResponse.item";
            if (given.isEmpty()) {
                problems.add(new ScoringProblem(where, "Item %s ('%s') has no answer: a completed %s answers every item"
                        .formatted(item.linkId(), item.text(), instrument.title())));
            } else if (given.size() > 1) {
                problems.add(new ScoringProblem(where, "Item %s ('%s') has %d answers; it takes one"
                        .formatted(item.linkId(), item.text(), given.size())));
            } else {
                Answer answer = given.get(0);
                Integer score = LOINC.equals(answer.system()) ? item.scoreByAnswer().get(answer.code()) : null;
                if (score == null) {
                    problems.add(new ScoringProblem(answer.location(), "Item %s ('%s'): %s is not one of its answers %s"
                            .formatted(item.linkId(), item.text(),
                                    answer.system() == null ? "'" + answer.code() + "'"
                                            : answer.system() + "#" + answer.code(),
                                    item.scoreByAnswer().keySet())));
                } else {
                    scores.add(new ItemScore(item, answer.system(), answer.code(), score));
                }
            }
        }
        int total = scores.stream().mapToInt(ItemScore::score).sum();
        byLinkId.forEach((linkId, given) -> {
            if (linkId.equals(instrument.totalCode())) {
                given.stream().filter(answer -> answer.integer() != null && answer.integer() != total
                                && problems.isEmpty())
                        .forEach(answer -> problems.add(new ScoringProblem(answer.location(),
                                "The total score %s states %d, but its answers add up to %d"
                                        .formatted(linkId, answer.integer(), total))));
            } else if (instrument.item(linkId).isEmpty() && !instrument.displayItems().contains(linkId)) {
                problems.add(new ScoringProblem(given.get(0).location(),
                        "Item %s is not in the %s questionnaire".formatted(linkId, instrument.title())));
            }
        });
        return problems.isEmpty()
                ? new Scored(new ScreenScore(instrument, total, instrument.bandOf(total), scores))
                : new Refused(problems);
    }
}
