package health.continuum.conformance.glue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.config.JpaConfig;
import health.continuum.server.StartsBeforeStorage;
import java.util.concurrent.CompletableFuture;
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

    /** The validator being built on a thread of its own, while JPA storage starts ({@link StartsBeforeStorage}). */
    public record ProfileValidatorBuild(CompletableFuture<ProfileValidator> validator) implements StartsBeforeStorage {}

    /**
     * Starts building the validator on a thread of its own: converting the core definitions for it takes seconds of a
     * start-up on 2 cores, and so runs while Hibernate starts on the main thread.
     */
    @Bean
    public ProfileValidatorBuild profileValidatorBuild(
            FhirContext fhirContext,
            @Qualifier(JpaConfig.DEFAULT_PROFILE_VALIDATION_SUPPORT) IValidationSupport coreDefinitions,
            ConformancePackage conformancePackage) {
        return new ProfileValidatorBuild(CompletableFuture.supplyAsync(
                () -> new ProfileValidator(fhirContext, coreDefinitions, conformancePackage),
                build -> new Thread(build, "profile-validator-build").start()));
    }

    /** Waits for the build: a validator that cannot be built fails the start-up, before the node reports ready. */
    @Bean
    public ProfileValidator profileValidator(ProfileValidatorBuild build) {
        return build.validator().join();
    }

    @Bean
    static BeanPostProcessor coreDefinitionsForHapi() {
        return new CoreDefinitionsForHapi();
    }
}
