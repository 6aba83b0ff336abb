package health.continuum.medication;

import static health.continuum.medication.TestMedications.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.continuum.medication.glue.MedicationCheckConfig;
import health.continuum.medication.glue.MedicationProperties;
import health.continuum.medication.glue.MedicationProperties.KnowledgeBasePaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedicationCheckConfigTest {

    private static final String INTERACTIONS_HEADER = "id,side_a,side_b,level,reason,source";

    @TempDir
    Path directory;

    @Test
    void extendsTheBuiltInFilesWithConfiguredFiles() {
        Path extra = write(directory, "interactions.csv", INTERACTIONS_HEADER,
                "SITE-1,29046,6809,Take into account,site rule for this test,test fixture");

        MedicationKnowledgeBase knowledgeBase = new MedicationCheckConfig().medicationKnowledgeBase(properties(
                new KnowledgeBasePaths(Map.of(), Map.of(KnowledgeBaseFile.INTERACTIONS, List.of(extra)))));

        assertThat(knowledgeBase.interactionRules()).extracting(InteractionRule::id).contains("ONC-25", "SITE-1");
    }

    @Test
    void replacesABuiltInFileWithAConfiguredFile() {
        Path only = write(directory, "interactions.csv", INTERACTIONS_HEADER,
                "SITE-1,29046,6809,Take into account,site rule for this test,test fixture");

        MedicationKnowledgeBase knowledgeBase = new MedicationCheckConfig().medicationKnowledgeBase(properties(
                new KnowledgeBasePaths(Map.of(KnowledgeBaseFile.INTERACTIONS, only), Map.of())));

        assertThat(knowledgeBase.interactionRules()).extracting(InteractionRule::id).containsExactly("SITE-1");
    }

    @Test
    void anInvalidKnowledgeBaseStopsStartUpListingEveryProblem() {
        Path invalid = write(directory, "interactions.csv", INTERACTIONS_HEADER,
                "SITE-1,999999999,6809,Take into account,unknown ingredient,test fixture",
                "SITE-2,29046,6809,severe,unknown severity,test fixture");

        assertThatThrownBy(() -> new MedicationCheckConfig().medicationKnowledgeBase(properties(
                new KnowledgeBasePaths(Map.of(), Map.of(KnowledgeBaseFile.INTERACTIONS, List.of(invalid))))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("continuum.medication.knowledge-base is invalid (2 problems)")
                .hasMessageContaining(invalid + ":")
                .hasMessageContaining("999999999")
                .hasMessageContaining("severe")
                .hasCauseInstanceOf(KnowledgeBaseException.class);
    }

    private static MedicationProperties properties(KnowledgeBasePaths paths) {
        return new MedicationProperties(true, InteractionPolicy.WARN, paths, null);
    }
}
