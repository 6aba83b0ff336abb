package health.continuum.conformance.glue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.config.JpaConfig;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives HAPI one {@link CoreDefinitions} wherever it would read the specification's definitions with its own loader:
 * the FHIR context's validation support (HAPI JPA's FHIRPath engine lists the definitions through it) and the JPA
 * validation chain's core-definitions bean, which the validator shares too.
 */
final class CoreDefinitionsForHapi implements BeanPostProcessor {

    private CoreDefinitions coreDefinitions;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof FhirContext fhirContext && coreDefinitions == null) {
            coreDefinitions = new CoreDefinitions(fhirContext);
            // The chain FhirContext builds for itself when none is set, with CoreDefinitions in place of HAPI's loader
            fhirContext.setValidationSupport(new ValidationSupportChain(
                    coreDefinitions,
                    new InMemoryTerminologyServerValidationSupport(fhirContext),
                    new CommonCodeSystemsTerminologyService(fhirContext),
                    new SnapshotGeneratingValidationSupport(fhirContext)));
        }
        if (JpaConfig.DEFAULT_PROFILE_VALIDATION_SUPPORT.equals(beanName)) {
            return coreDefinitions;
        }
        return bean;
    }
}
