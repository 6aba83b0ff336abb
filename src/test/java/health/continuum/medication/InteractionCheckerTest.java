package health.continuum.medication;

import static health.continuum.medication.TestMedications.KNOWLEDGE_BASE;
import static health.continuum.medication.TestMedications.coded;
import static health.continuum.medication.TestMedications.rxcui;
import static health.continuum.medication.TestMedications.text;
import static health.continuum.medication.TestMedications.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import health.continuum.canonical.Coding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class InteractionCheckerTest {

    private static final String WRITTEN = "MedicationRequest/1";
    private static final String ACTIVE = "MedicationStatement/2";
    private static final String PHANSALKAR = "Phansalkar et al., JAMIA 2012;19(5):735-743, Table 2 #";

    private final InteractionChecker checker = new InteractionChecker(KNOWLEDGE_BASE);

    /** One or more representative (object, precipitant) pairs per ONC high-priority DDI except #21 (tested below). */
    static Stream<Arguments> oncHighPriorityPairs() {
        return Stream.of(
                        arguments(3, "methylphenidate", "phenelzine"),
                        arguments(3, "pseudoephedrine", "selegiline"),
                        arguments(4, "atazanavir", "omeprazole"),
                        arguments(4, "atazanavir", "esomeprazole"),
                        arguments(6, "febuxostat", "azathioprine"),
                        arguments(6, "febuxostat", "mercaptopurine"),
                        arguments(8, "sertraline", "selegiline"),
                        arguments(8, "venlafaxine", "tranylcypromine"),
                        arguments(11, "irinotecan", "ketoconazole"),
                        arguments(11, "irinotecan", "diltiazem"),
                        arguments(16, "tramadol", "isocarboxazid"),
                        arguments(16, "meperidine", "tranylcypromine"),
                        arguments(20, "amitriptyline", "phenelzine"),
                        arguments(22, "ramelteon", "fluvoxamine"),
                        arguments(23, "ritonavir", "rifampin"),
                        arguments(23, "atazanavir", "St. John's wort"),
                        arguments(25, "simvastatin", "clarithromycin"),
                        arguments(25, "lovastatin", "itraconazole"),
                        arguments(27, "ergotamine", "ritonavir"),
                        arguments(27, "dihydroergotamine", "voriconazole"),
                        arguments(28, "tizanidine", "ciprofloxacin"),
                        arguments(30, "tranylcypromine", "procarbazine"),
                        arguments(31, "sumatriptan", "methylene blue"),
                        arguments(31, "rizatriptan", "moclobemide"))
                .flatMap(pair -> {
                    Object[] values = pair.get();
                    return Stream.of(arguments(values[0], values[1], values[2], values[1], values[2]),
                            arguments(values[0], values[2], values[1], values[1], values[2]));
                });
    }

    @ParameterizedTest(name = "#{0}: {1} written while taking {2}")
    @MethodSource("oncHighPriorityPairs")
    void catchesEveryOncHighPriorityInteractionInBothOrders(int number, String written, String active, String object,
                                                           String precipitant) {
        List<Finding> findings = checker.check(coded(WRITTEN, written), List.of(coded(ACTIVE, active)));

        String ruleId = "ONC-%02d".formatted(number);
        assertThat(findings).filteredOn(finding -> finding.ruleId().equals(ruleId)).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.INTERACTION);
            assertThat(finding.type().actCode()).hasValue("DRG");
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.reference()).isEqualTo(WRITTEN);
            assertThat(finding.otherReference()).isEqualTo(ACTIVE);
            assertThat(finding.detail()).startsWith(object + " + " + precipitant + ": ").endsWith("(" + ruleId + ")");
            assertThat(finding.source()).isEqualTo(PHANSALKAR + number);
        });
    }

    @Test
    void namesDrugsAndReasonInTheDetail() {
        Finding finding = checker.check(coded(WRITTEN, "clarithromycin"), List.of(coded(ACTIVE, "simvastatin"))).get(0);

        assertThat(finding.detail())
                .isEqualTo("simvastatin + clarithromycin: HMG-CoA reductase inhibitor with CYP3A4 inhibitor: \"ONC high priority\""
                        + " (ONC-25)");
    }

    @ParameterizedTest(name = "{0} + {1}: {2} {3}")
    @CsvSource({
            "warfarin, naproxen, ANSM-OAC-NSAID, HIGH, Not recommended",
            "ibuprofen, warfarin, ANSM-OAC-NSAID, HIGH, Not recommended",
            "warfarin, clopidogrel, ANSM-OAC-ANTIPLATELET, LOW, Take into account",
            "clopidogrel, warfarin, ANSM-OAC-ANTIPLATELET, LOW, Take into account",
    })
    void recordsTheAnsmLevelsOfOralAnticoagulants(String written, String active, String rule, Severity severity,
                                                  String level) {
        List<Finding> findings = checker.check(coded(WRITTEN, written), List.of(coded(ACTIVE, active)));

        Finding finding = findings.stream().filter(found -> found.ruleId().equals(rule)).findFirst().orElseThrow();
        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.detail()).startsWith("warfarin + " + (written.equals("warfarin") ? active : written))
                .contains("\"" + level + "\"");
        assertThat(finding.source()).startsWith("ANSM Thesaurus des interactions medicamenteuses");
    }

    @Test
    void leavesWarfarinWithAspirinToADoseTheSourceDataDoNotHold() {
        assertThat(checker.check(coded(WRITTEN, "aspirin"), List.of(coded(ACTIVE, "warfarin")))).isEmpty();
    }

    @Test
    void aDischargeOrderThatChangesTheDoseOfAHomeMedicationReplacesItRatherThanDuplicatingIt() {
        MedicationInput home = lisinopril("MedicationStatement/home", "10 mg", MedicationInput.Kind.STATEMENT, null);
        MedicationInput raised = lisinopril("MedicationRequest/new", "20 mg", MedicationInput.Kind.ORDER, "Encounter/stay");

        assertThat(checker.check(raised, List.of(home))).isEmpty();
        assertThat(checker.check(home, List.of(raised))).as("whichever is written").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} ({2}) with {3} {4} ({5}): duplicate therapy")
    @CsvSource(nullValues = "-", value = {
            // two concurrent orders of one encounter
            "ORDER, 10 mg, Encounter/stay, ORDER, 20 mg, Encounter/stay",
            // an order outside any encounter is not what a reconciliation compares with the home list
            "STATEMENT, 10 mg, -, ORDER, 20 mg, -",
            // two home-list entries
            "STATEMENT, 10 mg, -, STATEMENT, 20 mg, -",
    })
    void stillFlagsTheSameIngredientTwiceWhereNoOrderReplacesTheOther(MedicationInput.Kind firstKind, String firstDose,
            String firstEncounter, MedicationInput.Kind secondKind, String secondDose, String secondEncounter) {
        List<Finding> findings = checker.check(lisinopril("MedicationRequest/1", firstDose, firstKind, firstEncounter),
                List.of(lisinopril("MedicationRequest/2", secondDose, secondKind, secondEncounter)));

        assertThat(findings).extracting(Finding::type, Finding::ruleId)
                .containsExactly(tuple(FindingType.DUPLICATE_THERAPY, "duplicate-ingredient"));
    }

    private static MedicationInput lisinopril(String reference, String dose, MedicationInput.Kind kind, String encounter) {
        return new MedicationInput(reference, List.of(Coding.rxNorm(rxcui("lisinopril"), "lisinopril")), null,
                new Dosage(dose, "oral", "once daily"), kind, encounter);
    }

    // #21 is one group on both sides, so the detail names the written drug first whichever order they come in.
    @ParameterizedTest(name = "#21: {0} written while taking {1}")
    @CsvSource({"sotalol, haloperidol", "haloperidol, sotalol", "erythromycin, ondansetron", "ondansetron, erythromycin",
            "citalopram, methadone", "methadone, citalopram"})
    void catchesOncNumber21BetweenTwoQtProlongingAgentsInBothOrders(String written, String active) {
        List<Finding> findings = checker.check(coded(WRITTEN, written), List.of(coded(ACTIVE, active)));

        assertThat(findings).filteredOn(finding -> finding.ruleId().equals("ONC-21")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.type().actCode()).hasValue("DRG");
                    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
                    assertThat(finding.detail()).isEqualTo(written + " + " + active
                            + ": two QT-prolonging agents: \"ONC high priority\" (ONC-21)");
                    assertThat(finding.source()).isEqualTo(PHANSALKAR + 21);
                });
    }

    @Test
    void aSiteExtendsTheQtGroupWithAGroupsFile(@TempDir Path directory) {
        Path groups = write(directory, "groups.csv", "group,rxcui,ingredient,source",
                "onc21-qt-prolonging," + rxcui("levofloxacin") + ",levofloxacin,test fixture");
        InteractionChecker extended = new InteractionChecker(
                MedicationKnowledgeBase.loader().extend(KnowledgeBaseFile.GROUPS, groups).load());

        assertThat(checker.check(coded(WRITTEN, "levofloxacin"), List.of(coded(ACTIVE, "sotalol")))).isEmpty();
        assertThat(extended.check(coded(WRITTEN, "levofloxacin"), List.of(coded(ACTIVE, "sotalol"))))
                .singleElement().satisfies(finding -> assertThat(finding.detail())
                        .isEqualTo("levofloxacin + sotalol: two QT-prolonging agents: \"ONC high priority\" (ONC-21)"));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "lisinopril, metformin",
            "metoprolol, atorvastatin",
            "levothyroxine, acetaminophen",
            "metformin, atorvastatin",
            "losartan, metformin",
            "lisinopril, atorvastatin",
            "acetaminophen, oxycodone",
            "pantoprazole, metoprolol",
            "insulin glargine, metformin",
            "furosemide, metoprolol",
            "gabapentin, acetaminophen",
            "sertraline, atorvastatin",
            "levothyroxine, metoprolol",
            "omeprazole, acetaminophen",
            "pravastatin, lisinopril",
            "escitalopram, metformin",
            "ondansetron, acetaminophen",
            "prednisone, omeprazole",
            "apixaban, metoprolol",
            "azithromycin, acetaminophen",
            "lisinopril, furosemide",
            "losartan, atorvastatin",
            "ciprofloxacin, acetaminophen",
            "simvastatin, metformin",
            "warfarin, omeprazole",
            "warfarin, prednisone",
            "warfarin, spironolactone",
            "ibuprofen, omeprazole",
    })
    void findsNothingForPairsNoRuleCovers(String first, String second) {
        assertThat(checker.check(coded(WRITTEN, first), List.of(coded(ACTIVE, second)))).isEmpty();
        assertThat(checker.check(coded(WRITTEN, second), List.of(coded(ACTIVE, first)))).isEmpty();
    }

    @ParameterizedTest(name = "{0} + {1}: {2}")
    @CsvSource({
            "atorvastatin, simvastatin, C10AA",
            "sertraline, fluoxetine, N06AB",
            "omeprazole, pantoprazole, A02BC",
            "amitriptyline, nortriptyline, N06AA",
            "phenelzine, isocarboxazid, N06AF",
            "sumatriptan, zolmitriptan, N02CC",
            "ibuprofen, naproxen, M01AE",
            "apixaban, rivaroxaban, B01AF",
            "allopurinol, febuxostat, M04AA",
            "azithromycin, clarithromycin, J01FA",
            "ciprofloxacin, levofloxacin, J01MA",
            "fluconazole, voriconazole, J02AC",
    })
    void flagsTwoIngredientsOfADuplicateClass(String written, String active, String atcClass) {
        List<Finding> findings = checker.check(coded(WRITTEN, written), List.of(coded(ACTIVE, active)));

        assertThat(findings).filteredOn(finding -> finding.type() == FindingType.DUPLICATE_THERAPY).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.type().actCode()).hasValue("DUPTHPY");
                    assertThat(finding.ruleId()).isEqualTo("duplicate-class:" + atcClass);
                    assertThat(finding.severity()).isEqualTo(Severity.MODERATE);
                    assertThat(finding.detail()).startsWith(written + " + " + active + ": both ")
                            .contains("(ATC " + atcClass + ")");
                    assertThat(finding.source()).contains("NPSG.03.06.01");
                });
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"aspirin, clopidogrel", "ritonavir, atazanavir", "tramadol, tapentadol"})
    void doesNotFlagClassesMembersAreRoutinelyCombinedFrom(String written, String active) {
        assertThat(checker.check(coded(WRITTEN, written), List.of(coded(ACTIVE, active)))).isEmpty();
    }

    @Test
    void flagsTheSameIngredientTwiceWhicheverWayEachIsIdentified() {
        List<Finding> findings = checker.check(coded(WRITTEN, "simvastatin"),
                List.of(text(ACTIVE, "Simvastatin 40 mg tablet at night")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.DUPLICATE_THERAPY);
            assertThat(finding.ruleId()).isEqualTo("duplicate-ingredient");
            assertThat(finding.ingredientRxcuis()).containsExactly(rxcui("simvastatin"));
            assertThat(finding.detail()).isEqualTo("simvastatin in both " + WRITTEN + " and " + ACTIVE + ": duplicate therapy");
        });
    }

    @Test
    void reportsAnUnidentifiedWrittenMedicationAsCannotBeChecked() {
        List<Finding> findings = checker.check(text(WRITTEN, "grandma's green pills"), List.of(coded(ACTIVE, "warfarin")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.UNIDENTIFIED);
            assertThat(finding.type().actCode()).isEmpty();
            assertThat(finding.severity()).isEqualTo(Severity.LOW);
            assertThat(finding.reference()).isEqualTo(WRITTEN);
            assertThat(finding.otherReference()).isNull();
            assertThat(finding.detail()).isEqualTo(WRITTEN + " \"grandma's green pills\" cannot be checked: no known RxNorm"
                    + " ingredient or product code and no known ingredient name in its text or coding displays");
            assertThat(finding.key()).isEqualTo("UNIDENTIFIED|unidentified|" + WRITTEN);
        });
    }

    @Test
    void reportsUnidentifiedActiveMedicationsAndStillChecksTheOthers() {
        MedicationInput unknownCode = new MedicationInput("MedicationStatement/3",
                List.of(Coding.rxNorm("999999999", "Herbal sleep blend")), null);

        List<Finding> findings = checker.check(coded(WRITTEN, "simvastatin"),
                List.of(unknownCode, coded(ACTIVE, "clarithromycin")));

        assertThat(findings).extracting(Finding::type, Finding::reference)
                .containsExactly(tuple(FindingType.UNIDENTIFIED, "MedicationStatement/3"),
                        tuple(FindingType.INTERACTION, WRITTEN));
        assertThat(findings.get(0).detail()).contains("\"Herbal sleep blend\" cannot be checked");
    }

    @Test
    void checksEachIngredientOfAMultiIngredientProduct(@TempDir Path directory) {
        Path products = write(directory, "products.csv", "product_rxcui,name,ingredient_rxcuis,source",
                "9900001,test fixture lisinopril / simvastatin," + rxcui("lisinopril") + " " + rxcui("simvastatin") + ",test fixture");
        InteractionChecker productChecker = new InteractionChecker(
                MedicationKnowledgeBase.loader().replace(KnowledgeBaseFile.PRODUCTS, products).load());
        MedicationInput product = new MedicationInput(WRITTEN, List.of(Coding.rxNorm("9900001", null)), null);

        List<Finding> findings = productChecker.check(product,
                List.of(coded(ACTIVE, "clarithromycin"), coded("MedicationStatement/3", "lisinopril")));

        assertThat(findings).extracting(Finding::ruleId, Finding::otherReference).containsExactly(
                tuple("ONC-25", ACTIVE),
                tuple("duplicate-ingredient", "MedicationStatement/3"));
    }

    @Test
    void givesTheSameKeyWhicheverMedicationOfThePairIsWritten() {
        Finding forward = checker.check(coded(WRITTEN, "simvastatin"), List.of(coded(ACTIVE, "clarithromycin"))).get(0);
        Finding backward = checker.check(coded(ACTIVE, "clarithromycin"), List.of(coded(WRITTEN, "simvastatin"))).get(0);

        assertThat(forward.key()).isEqualTo(backward.key())
                .isEqualTo("INTERACTION|ONC-25|" + WRITTEN + "|" + ACTIVE + "|21212|36567");
    }

    @Test
    void skipsTheActiveEntryOfTheMedicationBeingUpdated() {
        assertThat(checker.check(coded(ACTIVE, "simvastatin"), List.of(coded(ACTIVE, "simvastatin")))).isEmpty();
    }
}
