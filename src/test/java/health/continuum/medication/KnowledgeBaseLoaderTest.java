package health.continuum.medication;

import static health.continuum.medication.TestMedications.KNOWLEDGE_BASE;
import static health.continuum.medication.TestMedications.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KnowledgeBaseLoaderTest {

    private static final String INTERACTIONS_HEADER = "id,side_a,side_b,level,reason,source";

    @TempDir
    Path directory;

    @Test
    void loadsTheBuiltInFiles() {
        assertThat(KNOWLEDGE_BASE.ingredients()).hasSize(103);
        assertThat(KNOWLEDGE_BASE.interactionRules()).extracting(InteractionRule::id).containsExactly(
                "ONC-03", "ONC-04", "ONC-06", "ONC-08", "ONC-11", "ONC-16", "ONC-20", "ONC-21", "ONC-22", "ONC-23",
                "ONC-25", "ONC-27", "ONC-28", "ONC-30", "ONC-31", "ANSM-OAC-NSAID", "ANSM-OAC-ANTIPLATELET");
        assertThat(KNOWLEDGE_BASE.interactionRules()).filteredOn(rule -> rule.id().startsWith("ONC-")).allSatisfy(rule -> {
            assertThat(rule.level()).isEqualTo(new SourceLevel("ONC high priority", Severity.HIGH));
            assertThat(rule.source()).isEqualTo("Phansalkar et al., JAMIA 2012;19(5):735-743, Table 2 #"
                    + Integer.parseInt(rule.id().substring(4)));
        });
        assertThat(KNOWLEDGE_BASE.duplicateClass("C10AA")).isPresent();
        assertThat(KNOWLEDGE_BASE.product("9900001")).isEmpty();
    }

    @Test
    void resolvesAtcClassSidesToEveryIngredientOfTheClass() {
        InteractionRule rule = KNOWLEDGE_BASE.interactionRules().stream().filter(r -> r.id().equals("ONC-04")).findFirst()
                .orElseThrow();

        assertThat(rule.precipitantSide()).isEqualTo("A02BC");
        assertThat(rule.precipitantRxcuis()).containsExactlyInAnyOrder("7646", "283742", "17128", "40790", "114979");
    }

    @Test
    void replacesABuiltInFile() {
        Path interactions = write(directory, "interactions.csv", INTERACTIONS_HEADER,
                "SITE-1,36567,21212,Take into account,site rule for this test,test fixture");

        MedicationKnowledgeBase replaced = MedicationKnowledgeBase.loader()
                .replace(KnowledgeBaseFile.INTERACTIONS, interactions).load();

        assertThat(replaced.interactionRules()).extracting(InteractionRule::id, InteractionRule::severity)
                .containsExactly(tuple("SITE-1", Severity.LOW));
    }

    @Test
    void extendsIngredientsSoNewNamesAreRecognised() {
        Path ingredients = write(directory, "ingredients.csv", "rxcui,name,atc_class,synonyms",
                "9900001,testamycin,J01FA,testomycin");

        MedicationKnowledgeBase extended = MedicationKnowledgeBase.loader()
                .extend(KnowledgeBaseFile.INGREDIENTS, ingredients).load();

        assertThat(extended.ingredients()).hasSize(104);
        assertThat(extended.identify(new MedicationInput("m", null, "Testomycin 250 mg")).ingredients())
                .extracting(Ingredient::rxcui).containsExactly("9900001");
    }

    static Stream<Arguments> invalidFiles() {
        String classpathIngredients = "classpath:medication/ingredients.csv:";
        return Stream.of(
                arguments(KnowledgeBaseFile.INTERACTIONS, lines(INTERACTIONS_HEADER, "X-1,99999,36567,Contraindication,r,s"),
                        2, "unknown ingredient RXCUI 99999 in side_a"),
                arguments(KnowledgeBaseFile.INTERACTIONS, lines(INTERACTIONS_HEADER, "X-1,36567,no-such-group,Contraindication,r,s"),
                        2, "unknown group 'no-such-group' in side_b"),
                arguments(KnowledgeBaseFile.INTERACTIONS, lines(INTERACTIONS_HEADER, "X-1,36567,Z99ZZ,Contraindication,r,s"),
                        2, "no ingredient has ATC class Z99ZZ in side_b"),
                arguments(KnowledgeBaseFile.INTERACTIONS, lines(INTERACTIONS_HEADER, "X-1,36567,21212,severe,r,s"),
                        2, "unknown level 'severe' in level (not in severity-levels.csv)"),
                arguments(KnowledgeBaseFile.INTERACTIONS, lines(INTERACTIONS_HEADER, "X-1,36567,21212,Contraindication,r,"),
                        2, "empty source"),
                arguments(KnowledgeBaseFile.INTERACTIONS,
                        lines("# comment lines count", INTERACTIONS_HEADER, "X-1,36567,21212,Contraindication,r,s", "X-1,36567,4053,Contraindication,r,s"),
                        4, "interaction id X-1 is defined twice (first at %s:3)"),
                arguments(KnowledgeBaseFile.INTERACTIONS, lines(INTERACTIONS_HEADER, "X-1,36567,21212,Contraindication,\"r,s"),
                        2, "unterminated quoted field"),
                arguments(KnowledgeBaseFile.INTERACTIONS, lines(INTERACTIONS_HEADER, "X-1,36567,21212,Contraindication,r"),
                        2, "expected 6 fields but found 5"),
                arguments(KnowledgeBaseFile.INTERACTIONS, lines("id,a,b", "X-1,36567,21212"),
                        1, "expected header 'id,side_a,side_b,level,reason,source' but found 'id,a,b'"),
                arguments(KnowledgeBaseFile.INGREDIENTS, lines("rxcui,name,atc_class,synonyms", "36567,simvastatin 2,C10AA,"),
                        2, "ingredient RXCUI 36567 is defined twice (first at " + classpathIngredients),
                arguments(KnowledgeBaseFile.INGREDIENTS, lines("rxcui,name,atc_class,synonyms", "9900001,Paracetamol,N02BE,"),
                        2, "ingredient name 'paracetamol' is defined twice (first at " + classpathIngredients),
                arguments(KnowledgeBaseFile.INGREDIENTS, lines("rxcui,name,atc_class,synonyms", "9900001,test,C10A,"),
                        2, "bad ATC class 'C10A' in atc_class (expected level 4, e.g. C10AA)"),
                arguments(KnowledgeBaseFile.INGREDIENTS, lines("rxcui,name,atc_class,synonyms", "RX1,test,C10AA,"),
                        2, "bad RXCUI 'RX1' in rxcui (expected digits)"),
                arguments(KnowledgeBaseFile.GROUPS, lines("group,rxcui,ingredient,source", "onc25-statins,36567,atorvastatin,s"),
                        2, "RXCUI 36567 is simvastatin, not 'atorvastatin'"),
                arguments(KnowledgeBaseFile.GROUPS, lines("group,rxcui,ingredient,source", "Statins!,36567,simvastatin,s"),
                        2, "bad group name 'Statins!' (expected lower-case letters, digits and '-')"),
                arguments(KnowledgeBaseFile.PRODUCTS, lines("product_rxcui,name,ingredient_rxcuis,source",
                        "9900001,test,36567 99999,s"), 2, "unknown ingredient RXCUI 99999 in ingredient_rxcuis"),
                arguments(KnowledgeBaseFile.PRODUCTS, lines("product_rxcui,name,ingredient_rxcuis,source",
                        "36567,test,36567,s"), 2, "product RXCUI 36567 is already an ingredient"),
                arguments(KnowledgeBaseFile.DUPLICATE_CLASSES, lines("atc_class,description,source", "C10AA,statins,s"),
                        2, "duplicate-therapy class C10AA is defined twice (first at classpath:medication/duplicate-classes.csv:"),
                arguments(KnowledgeBaseFile.DUPLICATE_CLASSES, lines("atc_class,description,source", "Z99ZZ,none,s"),
                        2, "no ingredient has ATC class Z99ZZ in atc_class"),
                arguments(KnowledgeBaseFile.DUPLICATE_CLASSES, lines("# only a comment"),
                        null, "missing header 'atc_class,description,source'"));
    }

    @ParameterizedTest(name = "{0} line {2}: {3}")
    @MethodSource("invalidFiles")
    void reportsFileLineAndProblem(KnowledgeBaseFile file, String[] content, Integer line, String expectedProblem) {
        Path path = write(directory, file.fileName(), content);
        String location = line == null ? path.toString() : path + ":" + line;

        assertThatThrownBy(() -> MedicationKnowledgeBase.loader().extend(file, path).load())
                .isInstanceOfSatisfying(KnowledgeBaseException.class, error -> assertThat(error.problems())
                        .anySatisfy(problem -> assertThat(problem)
                                .startsWith(location + ": " + expectedProblem.formatted(path))));
    }

    @Test
    void reportsAMissingFile() {
        Path missing = directory.resolve("absent.csv");

        assertThatThrownBy(() -> MedicationKnowledgeBase.loader().replace(KnowledgeBaseFile.PRODUCTS, missing).load())
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage("Invalid medication knowledge base:\n" + missing + ": cannot read: no such file");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Path interactions = write(directory, "interactions.csv", INTERACTIONS_HEADER,
                "X-1,99999,36567,Contraindication,r,s", "X-2,36567,21212,extreme,,s");

        assertThatThrownBy(() -> MedicationKnowledgeBase.loader().extend(KnowledgeBaseFile.INTERACTIONS, interactions).load())
                .isInstanceOfSatisfying(KnowledgeBaseException.class, error -> assertThat(error.problems()).containsExactly(
                        interactions + ":2: unknown ingredient RXCUI 99999 in side_a",
                        interactions + ":3: unknown level 'extreme' in level (not in severity-levels.csv)",
                        interactions + ":3: empty reason"));
    }

    @Test
    void mapsEachSourcesOwnWordsToASeverity() {
        assertThat(KNOWLEDGE_BASE.interactionRules()).filteredOn(rule -> rule.id().startsWith("ANSM-"))
                .extracting(InteractionRule::id, InteractionRule::level).containsExactly(
                        tuple("ANSM-OAC-NSAID", new SourceLevel("Not recommended", Severity.HIGH)),
                        tuple("ANSM-OAC-ANTIPLATELET", new SourceLevel("Take into account", Severity.LOW)));
        WarfarinNsaidRule rule = KNOWLEDGE_BASE.warfarinNsaidRule().orElseThrow();
        assertThat(rule.levels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                WarfarinNsaidRule.Branch.TOPICAL_DICLOFENAC, new SourceLevel("No special precautions", Severity.LOW),
                WarfarinNsaidRule.Branch.GASTROPROTECTION,
                new SourceLevel("Assess risk and take action if necessary", Severity.MODERATE),
                WarfarinNsaidRule.Branch.RISK_FACTOR, new SourceLevel("Use only if benefit outweighs risk", Severity.HIGH),
                WarfarinNsaidRule.Branch.NO_RISK_FACTOR, SourceLevel.NOT_STATED));
        assertThat(rule.ageOver()).isEqualTo(65);
        assertThat(rule.ulcerOrBleedingCodes()).containsExactly("K25", "K26", "K27", "K28");
        assertThat(rule.gastroprotection()).containsExactlyInAnyOrder("7646", "283742", "17128", "40790", "114979");
    }

    @Test
    void anEmptyWarfarinNsaidFileTurnsTheRuleOff() {
        Path empty = write(directory, "warfarin-nsaid.csv", "setting,value,source");

        assertThat(MedicationKnowledgeBase.loader().replace(KnowledgeBaseFile.WARFARIN_NSAID, empty).load()
                .warfarinNsaidRule()).isEmpty();
    }

    @Test
    void reportsEveryProblemOfAWarfarinNsaidFile() {
        Path settings = write(directory, "warfarin-nsaid.csv", "setting,value,source",
                "rule,SITE-RULE,s", "warfarin,11289,s", "nsaids,no-such-group,s", "gastroprotection,A02BC,s",
                "corticosteroids,H02AB,s", "age-over,sixty,s", "ulcer-or-bleeding-icd10,peptic,s",
                "level-topical-diclofenac,Contraindication,s", "level-gastroprotection,Sometimes,s",
                "level-risk-factor,Contraindication,s", "level-no-risk-factor,,s", "colour,blue,s");

        assertThatThrownBy(() -> MedicationKnowledgeBase.loader().replace(KnowledgeBaseFile.WARFARIN_NSAID, settings).load())
                .isInstanceOfSatisfying(KnowledgeBaseException.class, error -> assertThat(error.problems())
                        .containsExactlyInAnyOrder(
                                settings + ":13: unknown setting 'colour'",
                                settings + ":4: unknown group 'no-such-group' in value",
                                settings + ":2: missing setting 'aldosterone-antagonists'",
                                settings + ":10: unknown level 'Sometimes' in value (not in severity-levels.csv)",
                                settings + ":7: bad age 'sixty' (expected whole years)",
                                settings + ":8: bad ICD-10 codes 'peptic' (expected e.g. K25 K26)"));
    }

    private static String[] lines(String... lines) {
        return lines;
    }
}
