package health.continuum.medication;

import static health.continuum.medication.TestMedications.KNOWLEDGE_BASE;
import static health.continuum.medication.TestMedications.coded;
import static health.continuum.medication.TestMedications.rxcui;
import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.Coding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HL7 PDDI-CDS warfarin + NSAID rule, branch by branch, through the checker as a write meets it. */
class WarfarinNsaidRuleTest {

    private static final String RULE = "PDDI-CDS-WARFARIN-NSAID";
    private static final String NOT_STATED = "the guide's text states no level for this branch: review";

    private final InteractionChecker checker = new InteractionChecker(KNOWLEDGE_BASE);

    @ParameterizedTest(name = "[{index}] {0} written, also taking {1}, age {2}, conditions {3}: {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // no gastroprotection, no risk factor: the guide's text gives no level for this branch
            "ibuprofen | -                      | 50 | -              | -        | " + NOT_STATED,
            "warfarin  | -                      | 50 | -              | -        | " + NOT_STATED,
            "naproxen  | -                      | -  | -              | -        | age unknown",
            "ibuprofen | -                      | 65 | -              | -        | age 65, no recorded upper-GI bleeding",
            // a concomitant proton pump inhibitor
            "ibuprofen | omeprazole             | 80 | -              | moderate | \"Assess risk and take action if necessary\"",
            "warfarin  | pantoprazole           | 50 | -              | moderate | (pantoprazole)",
            "ibuprofen | omeprazole prednisone  | 50 | -              | moderate | with a concomitant proton pump inhibitor",
            // without gastroprotection, each risk factor the guide names
            "ibuprofen | -                      | 66 | -              | high     | age 66 > 65",
            "ibuprofen | prednisone             | 50 | -              | high     | systemic corticosteroid (prednisone)",
            "warfarin  | spironolactone         | 50 | -              | high     | aldosterone antagonist (spironolactone)",
            "ibuprofen | naproxen               | 50 | -              | high     | multiple NSAIDs (ibuprofen, naproxen)",
            "ibuprofen | -                      | 50 | icd10cm:K25.4  | high     | history of upper-GI bleeding or peptic ulcer (ICD-10 K25.4)",
            "naproxen  | -                      | 50 | icd10:K27      | high     | \"Use only if benefit outweighs risk\"",
    })
    void followsTheGuidesBranches(String written, String alsoTaking, Integer age, String condition, String severity,
                                  String detail) {
        String nsaid = written.equals("warfarin") ? "ibuprofen" : written;
        List<MedicationInput> active = new ArrayList<>();
        active.add(coded("MedicationStatement/pair", written.equals("warfarin") ? nsaid : "warfarin"));
        if (alsoTaking != null) {
            Arrays.stream(alsoTaking.split(" ")).forEach(name -> active.add(coded("MedicationStatement/" + name, name)));
        }
        PatientContext patient = new PatientContext(age, condition == null ? List.of() : List.of(coding(condition)));

        List<Finding> findings = checker.check(coded("MedicationRequest/new", written), active, () -> patient);

        Finding finding = findings.stream().filter(found -> found.ruleId().equals(RULE)).findFirst().orElseThrow();
        assertThat(finding.severity()).isEqualTo(severity == null ? null : Severity.fromCode(severity).orElseThrow());
        assertThat(finding.detail()).startsWith("warfarin + " + nsaid + ": ").contains(detail).endsWith("(" + RULE + ")");
        assertThat(finding.type()).isEqualTo(FindingType.INTERACTION);
        assertThat(finding.ingredientRxcuis()).containsExactlyInAnyOrder(rxcui("warfarin"), rxcui(nsaid));
        assertThat(finding.source()).contains("Malone", "PDDI-CDS");
    }

    @Test
    void aTopicalNsaidOtherThanDiclofenacHasNoLevelInTheGuide() {
        MedicationInput gel = new MedicationInput("MedicationRequest/gel",
                List.of(Coding.rxNorm(rxcui("ibuprofen"), "ibuprofen")), null,
                new Dosage("1 application", "Topical route", "3 per 1 d"), MedicationInput.Kind.ORDER, null);

        Finding finding = ruleFinding(checker.check(gel, List.of(coded("MedicationStatement/w", "warfarin")),
                () -> new PatientContext(80, List.of())));

        assertThat(finding.severity()).isNull();
        assertThat(finding.detail()).contains("topical ibuprofen; the guide states a level for topical diclofenac only"
                + " (\"No special precautions\"), none for topical ibuprofen: review");
    }

    @Test
    void readsThePatientOnlyWhenTheMedicationsLeaveTheLevelOpen() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<PatientContext> patient = () -> {
            reads.incrementAndGet();
            return new PatientContext(50, List.of());
        };

        checker.check(coded("MedicationRequest/1", "ibuprofen"),
                List.of(coded("MedicationStatement/w", "warfarin"), coded("MedicationStatement/p", "omeprazole")), patient);
        checker.check(coded("MedicationRequest/2", "lisinopril"), List.of(coded("MedicationStatement/f", "furosemide")),
                patient);
        assertThat(reads).as("gastroprotection decides, and an unrelated pair needs nothing").hasValue(0);

        checker.check(coded("MedicationRequest/3", "ibuprofen"),
                List.of(coded("MedicationStatement/w", "warfarin"), coded("MedicationStatement/w2", "warfarin")), patient);
        assertThat(reads).as("once per check, however many pairs").hasValue(1);
    }

    @Test
    void comesWithTheAnsmLevelForTheSamePair() {
        List<Finding> findings = checker.check(coded("MedicationRequest/1", "naproxen"),
                List.of(coded("MedicationStatement/w", "warfarin")), () -> new PatientContext(40, List.of()));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("ANSM-OAC-NSAID", RULE);
    }

    private static Finding ruleFinding(List<Finding> findings) {
        return findings.stream().filter(found -> found.ruleId().equals(RULE)).findFirst().orElseThrow();
    }

    private static Coding coding(String systemAndCode) {
        String[] parts = systemAndCode.split(":");
        String system = switch (parts[0]) {
            case "icd10cm" -> CodeSystems.ICD_10_CM;
            case "icd10" -> CodeSystems.ICD_10;
            default -> throw new IllegalArgumentException(parts[0]);
        };
        return new Coding(system, parts[1], null);
    }
}
