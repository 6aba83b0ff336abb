package health.continuum.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.config.JpaConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the conformance package once at start-up and builds the one validator every write shares. */
@Configuration
public class ConformanceConfig {

    @Bean
    public ConformancePackage conformancePackage(FhirContext fhirContext, ConformanceProperties properties) {
        ConformancePackage.Builder builder = ConformancePackage.builder(fhirContext);
        if (properties.profileDirectory() != null) {
            builder.addDirectory(properties.profileDirectory());
        }
        properties.packages().forEach(builder::addNpmPackage);
        return builder.build();
    }

    @Bean
    public ProfileValidator profileValidator(
            FhirContext fhirContext,
            @Qualifier(JpaConfig.DEFAULT_PROFILE_VALIDATION_SUPPORT) IValidationSupport coreDefinitions,
            ConformancePackage conformancePackage) {
        return new ProfileValidator(fhirContext, coreDefinitions, conformancePackage);
    }

    @Bean
    static BeanPostProcessor coreDefinitionsForHapi() {
        return new CoreDefinitionsForHapi();
    }
}
