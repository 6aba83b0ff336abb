package health.continuum.medication;

import static health.continuum.medication.TestMedications.coded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionPolicyTest {

    private static final InteractionChecker CHECKER = new InteractionChecker(TestMedications.KNOWLEDGE_BASE);

    private final List<Finding> highInteraction = CHECKER.check(coded("MedicationRequest/2", "clarithromycin"),
            List.of(coded("MedicationStatement/1", "simvastatin")));
    private final List<Finding> duplicate = CHECKER.check(coded("MedicationRequest/2", "atorvastatin"),
            List.of(coded("MedicationStatement/1", "simvastatin")));

    @Test
    void warnNeverBlocks() {
        assertThat(InteractionPolicy.WARN.blocking(highInteraction, false)).isEmpty();
    }

    @Test
    void rejectHighBlocksANewHighSeverityInteraction() {
        assertThat(InteractionPolicy.REJECT_HIGH.blocking(highInteraction, false))
                .extracting(Finding::ruleId).containsExactly("ONC-25");
    }

    @Test
    void rejectHighAcceptsADocumentedOverride() {
        assertThat(InteractionPolicy.REJECT_HIGH.blocking(highInteraction, true)).isEmpty();
    }

    @Test
    void rejectHighLetsDuplicateTherapyThrough() {
        assertThat(duplicate).extracting(Finding::type).containsExactly(FindingType.DUPLICATE_THERAPY);
        assertThat(InteractionPolicy.REJECT_HIGH.blocking(duplicate, false)).isEmpty();
    }
}
