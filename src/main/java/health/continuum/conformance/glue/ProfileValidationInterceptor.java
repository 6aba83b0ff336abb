package health.continuum.conformance.glue;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import health.continuum.canonical.Canonical;
import health.continuum.conformance.RuleFailure;
import health.continuum.conformance.glue.ConformanceProperties.CoordinationRules;
import health.continuum.conformance.glue.ConformanceProperties.ValidationMode;
import health.continuum.server.ContinuumServerInterceptor;
import health.continuum.server.ResponseOutcomeIssues;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Validates every REST write before it is stored (inside a transaction too, so one bad entry rejects the bundle),
 * against base R4 and the profiles it claims; under enforce, errors answer 422 with each issue's FHIRPath and message.
 * The EHR record types of {@code base-rules-types} that claim no profile the server holds are held to the
 * base-R4 rules alone ({@link BaseRulesCheck}), which costs a fraction of the full validator's time.
 *
 * <p>A CarePlan, CareTeam, Task or MedicationStatement that claims no Continuum profile is an EHR's record: under
 * coordination-rules flag, what it breaks of its type's Continuum profile alone (a care team without a coordinator)
 * is reported as a warning and left on the resource ({@link ContinuumRuleFailures}) for the coordination checks,
 * and the record is stored. Resources the server builds itself ({@link ServerAuthored}) are not validated again.
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
        ProfileValidator profileValidator = validator.getObject();
        Optional<String> rulesProfile = coordinationProfiles.profileOf(resource.fhirType());
        if (rulesProfile.isEmpty()) {
            boolean baseRulesOnly = properties.baseRulesTypes().contains(resource.fhirType())
                    && !profileValidator.claimsHeldProfile(resource);
            report(resource, baseRulesOnly
                    ? profileValidator.checkBaseRules(resource)
                    : errors(profileValidator.validate(resource)), request);
            return;
        }
        List<SingleValidationMessage> errors = errors(profileValidator.validate(resource, rulesProfile.get()));
        if (properties.coordinationRules() == CoordinationRules.ENFORCE || claimsContinuumProfile(resource)) {
            report(resource, errors, request);
            return;
        }
        if (errors.isEmpty()) {
            ContinuumRuleFailures.attach(resource, List.of());
            return;
        }
        // Validated once: what of a failing resource base R4 also rejects, the base rules tell at a fraction of the cost
        List<SingleValidationMessage> baseErrors = profileValidator.checkBaseRules(resource);
        report(resource, baseErrors, request);
        Set<String> base = baseErrors.stream().map(SingleValidationMessage::getLocationString).collect(Collectors.toSet());
        List<RuleFailure> failures = errors.stream()
                .filter(error -> !base.contains(error.getLocationString()))
                .map(error -> new RuleFailure(error.getLocationString(), error.getMessage()))
                .toList();
        failures.forEach(failure -> ResponseOutcomeIssues.add(request, new OperationOutcomeIssueComponent()
                .setSeverity(IssueSeverity.WARNING)
                .setCode(IssueType.BUSINESSRULE)
                .setDiagnostics("Continuum profile rule not met (stored, flagged for the care coordinator): "
                        + failure.message())
                .addExpression(failure.expression())));
        ContinuumRuleFailures.attach(resource, failures);
    }

    private void report(IBaseResource resource, List<SingleValidationMessage> errors, RequestDetails request) {
        if (errors.isEmpty()) {
            return;
        }
        if (properties.validationMode() == ValidationMode.ENFORCE) {
            OperationOutcome outcome = new OperationOutcome();
            errors.forEach(error -> outcome.addIssue(issue(error, IssueSeverity.ERROR)));
            throw new UnprocessableEntityException(
                    "%s does not conform: %s".formatted(resource.fhirType(), errors.get(0).getMessage()), outcome);
        }
        errors.forEach(error -> ResponseOutcomeIssues.add(request, issue(error, IssueSeverity.WARNING)));
    }

    private static List<SingleValidationMessage> errors(ValidationResult result) {
        return result.getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    private static boolean claimsContinuumProfile(IBaseResource resource) {
        return resource.getMeta().getProfile().stream()
                .anyMatch(profile -> profile.getValue() != null && profile.getValue().startsWith(Canonical.BASE + "/"));
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
