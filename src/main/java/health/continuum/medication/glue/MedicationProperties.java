package health.continuum.medication.glue;

import health.continuum.medication.InteractionPolicy;
import health.continuum.medication.KnowledgeBaseFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the medication checks ({@code continuum.medication.*}); defaults live in application.yaml.
 *
 * @param checksEnabled run interaction, duplicate-therapy and identification checks on medication writes
 * @param interactionPolicy what a new high-severity interaction does to the write
 * @param knowledgeBase files on disk that replace or extend the built-in knowledge base files
 */
@ConfigurationProperties("continuum.medication")
public record MedicationProperties(
        boolean checksEnabled, InteractionPolicy interactionPolicy, KnowledgeBasePaths knowledgeBase) {

    public MedicationProperties {
        // Spring binds nothing, hence null, when every knowledge-base map is empty.
        knowledgeBase = knowledgeBase == null ? new KnowledgeBasePaths(null, null) : knowledgeBase;
    }

    /**
     * @param replace per file, a file read instead of the built-in one
     * @param extend per file, files read after the built-in (or replacing) one
     */
    public record KnowledgeBasePaths(Map<KnowledgeBaseFile, Path> replace, Map<KnowledgeBaseFile, List<Path>> extend) {

        public KnowledgeBasePaths {
            replace = replace == null ? Map.of() : Map.copyOf(replace);
            extend = extend == null ? Map.of() : Map.copyOf(extend);
        }
    }
}
