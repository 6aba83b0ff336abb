package health.continuum.medication.glue;

import health.continuum.medication.InteractionPolicy;
import health.continuum.medication.KnowledgeBaseFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the medication checks ({@code continuum.medication.*}); defaults live in application.yaml.
 *
 * @param checksEnabled run interaction, duplicate-therapy and identification checks on medication writes
 * @param interactionPolicy what a new high-severity interaction does to the write
 * @param knowledgeBase files on disk that replace or extend the built-in knowledge base files
 * @param externalService a site's own knowledge service, asked on every order write besides the built-in checks
 */
@ConfigurationProperties("continuum.medication")
public record MedicationProperties(boolean checksEnabled, InteractionPolicy interactionPolicy,
                                   KnowledgeBasePaths knowledgeBase, ExternalService externalService) {

    public MedicationProperties {
        // Spring binds nothing, hence null, when every knowledge-base map is empty.
        knowledgeBase = knowledgeBase == null ? new KnowledgeBasePaths(null, null) : knowledgeBase;
        externalService = externalService == null ? new ExternalService(null, null, null) : externalService;
    }

    /**
     * A CDS Hooks service (e.g. a licensed drug knowledge base behind a CDS Hooks facade).
     *
     * @param url the service's endpoint ({base}/cds-services/{id}); none: not asked
     * @param hook order-select or order-sign
     * @param timeout how long a write waits for its cards before it is stored with "external check unavailable"
     */
    public record ExternalService(URI url, String hook, Duration timeout) {

        public ExternalService {
            hook = hook == null ? "order-sign" : hook;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            if (!hook.equals("order-sign") && !hook.equals("order-select")) {
                throw new IllegalArgumentException(
                        "continuum.medication.external-service.hook must be order-sign or order-select, not " + hook);
            }
        }

        public boolean configured() {
            return url != null && !url.toString().isBlank();
        }
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
