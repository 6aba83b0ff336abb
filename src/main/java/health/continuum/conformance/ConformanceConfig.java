package health.continuum.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.config.JpaConfig;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the conformance package once at start-up and builds the one validator every write shares. */
@Configuration
public class ConformanceConfig {

    public static final String PROFILE_VALIDATOR_BUILD = "profileValidatorBuild";

    @Bean
    public ConformancePackage conformancePackage(FhirContext fhirContext, ConformanceProperties properties) {
        ConformancePackage.Builder builder = ConformancePackage.builder(fhirContext);
        if (properties.profileDirectory() != null) {
            builder.addDirectory(properties.profileDirectory());
        }
        properties.packages().forEach(builder::addNpmPackage);
        return builder.build();
    }

    /**
     * Starts building the validator on a thread of its own: converting the core definitions for it takes seconds of a
     * start-up on 2 cores. JPA storage depends on this bean, so the build runs while Hibernate starts on the main thread.
     */
    @Bean(PROFILE_VALIDATOR_BUILD)
    public CompletableFuture<ProfileValidator> profileValidatorBuild(
            FhirContext fhirContext,
            @Qualifier(JpaConfig.DEFAULT_PROFILE_VALIDATION_SUPPORT) IValidationSupport coreDefinitions,
            ConformancePackage conformancePackage) {
        return CompletableFuture.supplyAsync(
                () -> new ProfileValidator(fhirContext, coreDefinitions, conformancePackage),
                build -> new Thread(build, "profile-validator-build").start());
    }

    /** Waits for the build: a validator that cannot be built fails the start-up, before the node reports ready. */
    @Bean
    public ProfileValidator profileValidator(
            @Qualifier(PROFILE_VALIDATOR_BUILD) CompletableFuture<ProfileValidator> profileValidatorBuild) {
        return profileValidatorBuild.join();
    }

    @Bean
    static BeanPostProcessor coreDefinitionsForHapi() {
        return new CoreDefinitionsForHapi();
    }
}
