package health.continuum.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.Coding;
import health.continuum.transition.CharlsonResult.MatchedCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharlsonIndexTest {

    private static final CharlsonIndex CHARLSON = CharlsonIndex.quan2005();

    private static Coding cm(String code) {
        return new Coding(CodeSystems.ICD_10_CM, code);
    }

    @Test
    void matchesDottedCodesByPrefix() {
        CharlsonResult result = CHARLSON.score(List.of(cm("I25.2"), cm("E11.22")));

        assertThat(result.score()).isEqualTo(3); // MI 1 + diabetes with chronic complication 2
        assertThat(result.conditions()).containsExactly(
                new MatchedCondition("mi", "Myocardial infarction", 1, List.of(cm("I25.2")), null),
                new MatchedCondition("diabwc", "Diabetes with chronic complication", 2, List.of(cm("E11.22")), null));
        assertThat(result.weights()).isEqualTo(CharlsonWeights.CHARLSON_1987);
        assertThat(result.notScored()).isEmpty();
    }

    @Test
    void ignoresCaseAndSurroundingSpaceAndAcceptsWhoIcd10() {
        Coding who = new Coding(CodeSystems.ICD_10, " j44.1 ");

        CharlsonResult result = CHARLSON.score(List.of(who));

        assertThat(result.score()).isEqualTo(1);
        assertThat(result.conditions()).extracting(MatchedCondition::key).containsExactly("cpd");
    }

    @Test
    void countsAConditionOnceHoweverManyCodesMatchIt() {
        CharlsonResult result = CHARLSON.score(List.of(cm("I50.9"), cm("I11.0"), cm("I50.9")));

        assertThat(result.score()).isEqualTo(1);
        assertThat(result.conditions()).singleElement()
                .satisfies(chf -> assertThat(chf.codes()).containsExactly(cm("I50.9"), cm("I11.0")));
    }

    @Test
    void diabetesWithComplicationSupersedesDiabetesWithout() {
        CharlsonResult result = CHARLSON.score(List.of(cm("E11.9"), cm("E11.22")));

        assertThat(result.score()).isEqualTo(2);
        assertThat(result.conditions()).containsExactly(
                new MatchedCondition(
                        "diab", "Diabetes without chronic complication", 0, List.of(cm("E11.9")), "diabwc"),
                new MatchedCondition("diabwc", "Diabetes with chronic complication", 2, List.of(cm("E11.22")), null));
    }

    @Test
    void severeLiverDiseaseSupersedesMild() {
        // K70.30 alcoholic cirrhosis (mild, K703) + K72.10 chronic hepatic failure (moderate/severe, K721): 0 + 3
        assertThat(CHARLSON.score(List.of(cm("K70.30"), cm("K72.10"))).score()).isEqualTo(3);
    }

    @Test
    void metastaticTumourSupersedesMalignancy() {
        // C34.90 lung (malignancy 2) + C78.00 secondary lung (metastatic 6): 0 + 6
        CharlsonResult result = CHARLSON.score(List.of(cm("C34.90"), cm("C78.00")));

        assertThat(result.score()).isEqualTo(6);
        assertThat(result.conditions()).extracting(MatchedCondition::key, MatchedCondition::supersededBy)
                .containsExactly(tuple("canc", "metacanc"),
                        tuple("metacanc", null));
    }

    @Test
    void aMildConditionAloneCountsInFull() {
        assertThat(CHARLSON.score(List.of(cm("E11.9"))).score()).isEqualTo(1);
    }

    @Test
    void reportsOtherSystemsAsNotScoredWithoutGuessingAMapping() {
        Coding snomedDiabetes = Coding.snomed("44054006");
        Coding snomedHeartFailure = Coding.snomed("84114007");

        CharlsonResult result = CHARLSON.score(List.of(snomedDiabetes, cm("I21.4"), snomedHeartFailure));

        assertThat(result.score()).isEqualTo(1);
        assertThat(result.conditions()).extracting(MatchedCondition::key).containsExactly("mi");
        assertThat(result.notScored()).containsExactly(snomedDiabetes, snomedHeartFailure);
    }

    @Test
    void anIcd10CodeOutsideTheAlgorithmIsScoredAsZeroNotReportedAsNotScored() {
        // J18.9 pneumonia and C44.91 skin carcinoma (excluded from malignancy by design)
        CharlsonResult result = CHARLSON.score(List.of(cm("J18.9"), cm("C44.91")));

        assertThat(result.score()).isZero();
        assertThat(result.conditions()).isEmpty();
        assertThat(result.notScored()).isEmpty();
    }

    @Test
    void quan2011WeightsAreSelectable() {
        List<Coding> codes = List.of(cm("I21.4"), cm("I50.9"), cm("B20"));
        // Charlson 1987: MI 1 + CHF 1 + AIDS/HIV 6 = 8; Quan 2011: MI 0 + CHF 2 + AIDS/HIV 4 = 6
        assertThat(CHARLSON.score(codes).score()).isEqualTo(8);

        CharlsonResult quan = CHARLSON.score(codes, CharlsonWeights.QUAN_2011);
        assertThat(quan.score()).isEqualTo(6);
        assertThat(quan.conditions()).extracting(MatchedCondition::key, MatchedCondition::points)
                .containsExactly(tuple("mi", 0),
                        tuple("chf", 2),
                        tuple("aids", 4));
    }

    @Test
    void noCodesScoreZero() {
        assertThat(CHARLSON.score(List.of())).isEqualTo(
                new CharlsonResult(0, CharlsonWeights.CHARLSON_1987, List.of(), List.of()));
    }
}
