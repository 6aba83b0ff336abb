package health.continuum.medication.glue;

import static health.continuum.medication.TestMedications.coded;
import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.canonical.Canonical;
import health.continuum.medication.Finding;
import health.continuum.medication.InteractionChecker;
import health.continuum.medication.TestMedications;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectedIssuesTest {

    private static final InteractionChecker CHECKER = new InteractionChecker(TestMedications.KNOWLEDGE_BASE);

    private final List<Finding> highInteraction = CHECKER.check(coded("MedicationRequest/2", "clarithromycin"),
            List.of(coded("MedicationStatement/1", "simvastatin")));

    @Test
    void theRejectionNamesBothDrugsAndHowToOverride() {
        String diagnostics = DetectedIssues.rejection(highInteraction, "MedicationRequest").getIssueFirstRep()
                .getDiagnostics();

        assertThat(diagnostics).contains("simvastatin", "clarithromycin", Canonical.INTERACTION_OVERRIDE_EXTENSION);
    }
}
