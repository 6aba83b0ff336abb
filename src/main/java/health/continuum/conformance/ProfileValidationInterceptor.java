package health.continuum.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import health.continuum.conformance.ConformanceProperties.ValidationMode;
import health.continuum.server.ContinuumServerInterceptor;
import health.continuum.server.ResponseOutcomeIssues;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Validates every REST write before it is stored (inside a transaction too, so one bad entry rejects the bundle):
 * against the Continuum profile a resource claims or, for the coordination types, the profile of its type;
 * everything else against base R4. Under enforce, errors answer 422 with each issue's FHIRPath and message.
 * Resources the server builds itself ({@link ServerAuthored}) are not validated again.
 */
@Component
@Interceptor
public class ProfileValidationInterceptor implements ContinuumServerInterceptor {

    // Resolved at the first write: injected at once, it would wait for the build before HAPI starts (ConformanceConfig)
    private final ObjectProvider<ProfileValidator> validator;
    private final ConformanceProperties properties;
    private final CoordinationProfiles coordinationProfiles;

    public ProfileValidationInterceptor(
            ObjectProvider<ProfileValidator> validator,
            CoordinationProfiles coordinationProfiles,
            ConformanceProperties properties) {
        this.validator = validator;
        this.properties = properties;
        this.coordinationProfiles = coordinationProfiles;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void validateCreate(IBaseResource resource, RequestDetails request) {
        validate(resource, request);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void validateUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
        validate(resource, request);
    }

    private void validate(IBaseResource resource, RequestDetails request) {
        if (properties.validationMode() == ValidationMode.OFF || ServerAuthored.isMarked(resource)) {
            return;
        }
        String type = resource.fhirType();
        ProfileValidator profileValidator = validator.getObject();
        ValidationResult result = coordinationProfiles.profileOf(type)
                .map(profile -> profileValidator.validate(resource, profile))
                .orElseGet(() -> profileValidator.validate(resource));
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
        if (errors.isEmpty()) {
            return;
        }
        if (properties.validationMode() == ValidationMode.ENFORCE) {
            OperationOutcome outcome = new OperationOutcome();
            errors.forEach(error -> outcome.addIssue(issue(error, IssueSeverity.ERROR)));
            throw new UnprocessableEntityException(
                    "%s does not conform: %s".formatted(type, errors.get(0).getMessage()), outcome);
        }
        errors.forEach(error -> ResponseOutcomeIssues.add(request, issue(error, IssueSeverity.WARNING)));
    }

    private static OperationOutcomeIssueComponent issue(SingleValidationMessage message, IssueSeverity severity) {
        OperationOutcomeIssueComponent issue = new OperationOutcomeIssueComponent()
                .setSeverity(severity)
                .setCode(IssueType.PROCESSING)
                .setDiagnostics(message.getMessage());
        if (message.getLocationString() != null) {
            issue.addExpression(message.getLocationString());
        }
        return issue;
    }
}
