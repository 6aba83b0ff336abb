package health.continuum.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import health.continuum.assessment.Instrument.Band;
import health.continuum.assessment.Instrument.Item;
import health.continuum.assessment.InstrumentScoring.Refused;
import health.continuum.assessment.InstrumentScoring.Scored;
import health.continuum.assessment.glue.Instruments;
import health.continuum.conformance.glue.ConformancePackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped instruments, scored as their papers publish (score-bands.csv cites each band). */
class InstrumentScoringTest {

    private static final Instruments INSTRUMENTS =
            Instruments.of(ConformancePackage.loadBuiltIn(FhirContext.forR4Cached()));
    private static final String NOT_AT_ALL = "LA6568-5";
    private static final String SEVERAL_DAYS = "LA6569-3";
    private static final String MORE_THAN_HALF = "LA6570-1";
    private static final String NEARLY_EVERY_DAY = "LA6571-9";

    /** Hand-written from Kroenke 2001 (PHQ-9), Kroenke 2003 (PHQ-2) and Spitzer 2006 (GAD-7): each band's edges. */
    @ParameterizedTest(name = "{0} total {1}: {2}")
    @CsvSource({
        "phq-9, 0, none-minimal, false", "phq-9, 4, none-minimal, false", "phq-9, 5, mild, false",
        "phq-9, 9, mild, false", "phq-9, 10, moderate, true", "phq-9, 14, moderate, true",
        "phq-9, 15, moderately-severe, true", "phq-9, 19, moderately-severe, true", "phq-9, 20, severe, true",
        "phq-9, 27, severe, true",
        "phq-2, 0, negative, false", "phq-2, 2, negative, false", "phq-2, 3, positive, true", "phq-2, 6, positive, true",
        "gad-7, 0, minimal, false", "gad-7, 4, minimal, false", "gad-7, 5, mild, false", "gad-7, 9, mild, false",
        "gad-7, 10, moderate, true", "gad-7, 14, moderate, true", "gad-7, 15, severe, true", "gad-7, 21, severe, true"})
    void aTotalOnABandsEdgeFallsInThatBand(String id, int total, String band, boolean positive) {
        Instrument instrument = instrument(id);

        ScreenScore score = scored(instrument, answersAddingUpTo(instrument, total));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band().name()).isEqualTo(band);
        assertThat(score.positive()).isEqualTo(positive);
    }

    @Test
    void aPhq9ScoresEachAnswerZeroToThreeAndAddsThemUp() {
        Instrument phq9 = instrument("phq-9");
        List<String> codes = List.of(NEARLY_EVERY_DAY, NEARLY_EVERY_DAY, MORE_THAN_HALF, SEVERAL_DAYS, NOT_AT_ALL,
                NOT_AT_ALL, SEVERAL_DAYS, NOT_AT_ALL, NOT_AT_ALL);

        ScreenScore score = scored(phq9, IntStream.range(0, 9)
                .mapToObj(i -> answer(phq9.items().get(i).linkId(), i, codes.get(i))).toList());

        assertThat(score.items()).extracting(ScreenScore.ItemScore::score).containsExactly(3, 3, 2, 1, 0, 0, 1, 0, 0);
        assertThat(score.total()).isEqualTo(10);
        assertThat(score.band().name()).isEqualTo("moderate");
        assertThat(score.positive()).isTrue();
    }

    @Test
    void gad7Item2ScoresMoreDaysThanNotAsTwo() {
        Instrument gad7 = instrument("gad-7");
        List<Answer> answers = new ArrayList<>(answersAddingUpTo(gad7, 0));
        answers.set(1, answer("68509-9", 1, "LA18938-3"));

        assertThat(scored(gad7, answers).total()).isEqualTo(2);
    }

    @Test
    void aStatedTotalEqualToTheSumAndTextOnlyItemsAreAccepted() {
        Instrument phq2 = instrument("phq-2");
        List<Answer> answers = new ArrayList<>(answersAddingUpTo(phq2, 4));
        answers.add(new Answer("55758-7", "QuestionnaireResponse.item[2]", null, null, 4));
        answers.add(new Answer("intro", "QuestionnaireResponse.item[3]", null, null, null));

        assertThat(scored(phq2, answers).total()).isEqualTo(4);
    }

    @Test
    void aMissingItemIsNamed() {
        Instrument phq9 = instrument("phq-9");
        List<Answer> answers = answersAddingUpTo(phq9, 5).subList(0, 8);

        assertThat(problems(phq9, answers)).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("Item 44260-8", "has no answer", "PHQ-9");
            assertThat(problem.location()).isEqualTo("QuestionnaireResponse.item");
        });
    }

    @Test
    void anItemWithoutAnAnswerIsNamedWhereItIs() {
        Instrument phq2 = instrument("phq-2");
        List<Answer> answers = List.of(answer("44250-9", 0, SEVERAL_DAYS),
                new Answer("44255-8", "QuestionnaireResponse.item[1]", null, null, null));

        assertThat(problems(phq2, answers)).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("Item 44255-8", "has no answer");
            assertThat(problem.location()).isEqualTo("QuestionnaireResponse.item[1]");
        });
    }

    @Test
    void anAnswerOutsideTheItemsOptionsOrOfAnotherSystemIsNamed() {
        Instrument phq2 = instrument("phq-2");
        List<Answer> answers = List.of(answer("44250-9", 0, "LA18938-3"),
                new Answer("44255-8", "QuestionnaireResponse.item[1].answer[0]", "http://snomed.info/sct",
                        NOT_AT_ALL, null));

        assertThat(problems(phq2, answers)).extracting(ScoringProblem::location, ScoringProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("QuestionnaireResponse.item[0].answer[0]",
                                "Item 44250-9 ('Little interest or pleasure in doing things'): http://loinc.org#LA18938-3"
                                        + " is not one of its answers [LA6568-5, LA6569-3, LA6570-1, LA6571-9]"),
                        org.assertj.core.groups.Tuple.tuple("QuestionnaireResponse.item[1].answer[0]",
                                "Item 44255-8 ('Feeling down, depressed, or hopeless'): http://snomed.info/sct#LA6568-5"
                                        + " is not one of its answers [LA6568-5, LA6569-3, LA6570-1, LA6571-9]"));
    }

    @Test
    void twoAnswersToOneItemAnUnknownItemAndAWrongTotalAreEachNamed() {
        Instrument phq2 = instrument("phq-2");
        List<Answer> twice = List.of(answer("44250-9", 0, SEVERAL_DAYS), answer("44250-9", 0, NOT_AT_ALL),
                answer("44255-8", 1, NOT_AT_ALL));
        List<Answer> unknown = new ArrayList<>(answersAddingUpTo(phq2, 1));
        unknown.add(answer("44259-0", 2, NOT_AT_ALL));
        List<Answer> wrongTotal = new ArrayList<>(answersAddingUpTo(phq2, 1));
        wrongTotal.add(new Answer("55758-7", "QuestionnaireResponse.item[2].answer[0]", null, null, 3));

        assertThat(problems(phq2, twice)).singleElement().extracting(ScoringProblem::message).asString()
                .contains("Item 44250-9", "has 2 answers");
        assertThat(problems(phq2, unknown)).singleElement().extracting(ScoringProblem::message)
                .isEqualTo("Item 44259-0 is not in the Patient Health Questionnaire-2 (PHQ-2) questionnaire");
        assertThat(problems(phq2, wrongTotal)).singleElement().extracting(ScoringProblem::message)
                .isEqualTo("The total score 55758-7 states 3, but its answers add up to 1");
    }

    @Test
    void bandsMustCoverEveryTotalOnce() {
        List<Item> items = List.of(new Item("a", "a", "a", Map.of("x", 0, "y", 3)));

        assertThatThrownBy(() -> new Instrument("t", "u", "T", Domain.BEHAVIORAL, "total", items, Set.of(),
                List.of(new Band(0, 1, "low", false, "s"), new Band(3, 3, "high", true, "s"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a total of 2 is in 0 bands");
        assertThatThrownBy(() -> new Instrument("t", "u", "T", Domain.BEHAVIORAL, "total", items, Set.of(),
                List.of(new Band(0, 2, "low", false, "s"), new Band(2, 3, "high", true, "s"))))
                .hasMessageContaining("a total of 2 is in 2 bands");
    }

    /** The first items take the highest scores until the total is reached. */
    private static List<Answer> answersAddingUpTo(Instrument instrument, int total) {
        List<Answer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < instrument.items().size(); i++) {
            Item item = instrument.items().get(i);
            int score = Math.min(3, left);
            left -= score;
            String code = item.scoreByAnswer().entrySet().stream().filter(entry -> entry.getValue() == score)
                    .findFirst().orElseThrow().getKey();
            answers.add(answer(item.linkId(), i, code));
        }
        assertThat(left).as("a total the items can reach").isZero();
        return answers;
    }

    private static Answer answer(String linkId, int index, String code) {
        return new Answer(linkId, "QuestionnaireResponse.item[" + index + "].answer[0]", InstrumentScoring.LOINC, code,
                null);
    }

    private static Instrument instrument(String id) {
        return INSTRUMENTS.all().stream().filter(instrument -> instrument.id().equals(id)).findFirst().orElseThrow();
    }

    private static ScreenScore scored(Instrument instrument, List<Answer> answers) {
        InstrumentScoring.Outcome outcome = InstrumentScoring.score(instrument, answers);
        assertThat(outcome).isInstanceOf(Scored.class);
        return ((Scored) outcome).score();
    }

    private static List<ScoringProblem> problems(Instrument instrument, List<Answer> answers) {
        InstrumentScoring.Outcome outcome = InstrumentScoring.score(instrument, answers);
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).problems();
    }
}
