package health.continuum.medication.glue;

import ca.uhn.fhir.context.FhirContext;
import health.continuum.medication.InteractionChecker;
import health.continuum.medication.KnowledgeBaseException;
import health.continuum.medication.KnowledgeBaseFile;
import health.continuum.medication.KnowledgeBaseLoader;
import health.continuum.medication.MedicationKnowledgeBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base and checker, loaded once at start-up so that an invalid knowledge base stops the server. */
@Configuration
public class MedicationCheckConfig {

    @Bean
    public MedicationKnowledgeBase medicationKnowledgeBase(MedicationProperties properties) {
        KnowledgeBaseLoader loader = MedicationKnowledgeBase.loader();
        properties.knowledgeBase().replace().forEach(loader::replace);
        for (Map.Entry<KnowledgeBaseFile, List<Path>> extension : properties.knowledgeBase().extend().entrySet()) {
            extension.getValue().forEach(path -> loader.extend(extension.getKey(), path));
        }
        try {
            return loader.load();
        } catch (KnowledgeBaseException e) {
            throw new IllegalStateException("continuum.medication.knowledge-base is invalid ("
                    + e.problems().size() + " problems):\n" + String.join("\n", e.problems()), e);
        }
    }

    @Bean
    public ExternalKnowledgeService externalKnowledgeService(MedicationProperties properties, FhirContext fhirContext) {
        return new ExternalKnowledgeService(properties.externalService(), fhirContext);
    }

    @Bean
    public InteractionChecker interactionChecker(MedicationKnowledgeBase knowledgeBase) {
        return new InteractionChecker(knowledgeBase);
    }
}
