package health.continuum.medication;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.medication.ExternalCards.Card;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExternalCardsTest {

    private static final String SERVICE = "https://kb.example/cds-services/meds";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"critical, HIGH", "warning, MODERATE", "info, LOW", "Critical, HIGH",
        "hint, LOW", "-, LOW"})
    void mapsTheCardIndicatorToASeverity(String indicator, Severity severity) {
        Finding finding = ExternalCards.findings("MedicationRequest/1", SERVICE,
                List.of(new Card("Check the dose", indicator, null, "Site KB", null))).get(0);

        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.type()).isEqualTo(FindingType.EXTERNAL);
        assertThat(finding.detail()).isEqualTo("Check the dose");
        assertThat(finding.source()).isEqualTo("Site KB");
    }

    @Test
    void keepsTheCardsDetailAndSourceAndFallsBackToTheServiceAsSource() {
        List<Finding> findings = ExternalCards.findings("MedicationRequest/1", SERVICE, List.of(
                new Card("Bleeding risk", "warning", " Use acetaminophen ", "Site KB", "https://kb.example/rule/7"),
                new Card("Renal dose", "info", "", " ", null)));

        assertThat(findings).extracting(Finding::detail, Finding::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Bleeding risk: Use acetaminophen", "Site KB (https://kb.example/rule/7)"),
                org.assertj.core.groups.Tuple.tuple("Renal dose", SERVICE));
        assertThat(findings.get(0).key()).isNotEqualTo(findings.get(1).key());
    }

    @Test
    void aServiceThatDidNotAnswerIsAFindingOfItsOwnThatNeverBlocks() {
        Finding finding = ExternalCards.unavailable("MedicationRequest/1", SERVICE, "answered HTTP 503");

        assertThat(finding.type()).isEqualTo(FindingType.EXTERNAL_UNAVAILABLE);
        assertThat(finding.detail()).isEqualTo("external check unavailable: " + SERVICE
                + " answered HTTP 503; MedicationRequest/1 was checked by Continuum's own knowledge base only");
        assertThat(InteractionPolicy.REJECT_HIGH.blocking(List.of(finding), false)).isEmpty();
    }
}
