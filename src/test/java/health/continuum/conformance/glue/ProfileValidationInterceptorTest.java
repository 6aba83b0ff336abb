package health.continuum.conformance.glue;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.validation.ValidationResult;
import health.continuum.conformance.glue.ConformanceProperties.ValidationMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Which writes the interceptor hands to the validator; what validation finds is tested in ProfileValidationTest. */
class ProfileValidationInterceptorTest {

    private final ProfileValidator validator = mock(ProfileValidator.class);
    private final ValidationResult valid = new ValidationResult(FhirContext.forR4Cached(), List.of());

    @Test
    void aResourceFromARequestIsValidated() {
        interceptor().validateCreate(new Observation(), new SystemRequestDetails());

        verify(validator).validate(any(IBaseResource.class));
    }

    @Test
    void aResourceTheServerBuiltIsNotValidatedAgain() {
        ProfileValidationInterceptor interceptor = interceptor();

        interceptor.validateCreate(ServerAuthored.mark(new Task()), new SystemRequestDetails());
        interceptor.validateUpdate(new Observation(), ServerAuthored.mark(new Observation()), new SystemRequestDetails());

        verify(validator, never()).validate(any(IBaseResource.class));
        verify(validator, never()).validate(any(IBaseResource.class), anyString());
    }

    @Test
    void aRecordOfABaseRulesTypeIsHeldToTheBaseRulesUnlessItClaimsAProfileTheServerHolds() {
        ProfileValidationInterceptor interceptor = interceptor(Set.of("Observation"));
        when(validator.checkBaseRules(any(IBaseResource.class))).thenReturn(List.of());

        interceptor.validateCreate(new Observation(), new SystemRequestDetails());
        verify(validator).checkBaseRules(any(IBaseResource.class));
        verify(validator, never()).validate(any(IBaseResource.class));

        when(validator.claimsHeldProfile(any(IBaseResource.class))).thenReturn(true);
        interceptor.validateCreate(new Observation(), new SystemRequestDetails());
        verify(validator).validate(any(IBaseResource.class));
    }

    private ProfileValidationInterceptor interceptor() {
        return interceptor(Set.of());
    }

    private ProfileValidationInterceptor interceptor(Set<String> baseRulesTypes) {
        when(validator.validate(any(IBaseResource.class))).thenReturn(valid);
        when(validator.validate(any(IBaseResource.class), anyString())).thenReturn(valid);
        ConformancePackage conformancePackage = mock(ConformancePackage.class);
        when(conformancePackage.resourceProfiles()).thenReturn(List.of());
        ConformanceProperties properties = mock(ConformanceProperties.class);
        when(properties.validationMode()).thenReturn(ValidationMode.ENFORCE);
        when(properties.coordinationRules()).thenReturn(ConformanceProperties.CoordinationRules.FLAG);
        when(properties.baseRulesTypes()).thenReturn(baseRulesTypes);
        return new ProfileValidationInterceptor(
                new StaticListableBeanFactory(Map.of("profileValidator", validator)).getBeanProvider(ProfileValidator.class),
                new CoordinationProfiles(conformancePackage, properties),
                properties);
    }
}
