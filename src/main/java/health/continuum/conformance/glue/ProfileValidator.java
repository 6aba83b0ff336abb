package health.continuum.conformance.glue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.model.CanonicalResource;
import org.hl7.fhir.r5.model.CanonicalType;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.r5.utils.validation.IValidatorResourceFetcher;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;

/**
 * Validates resources against FHIR R4 and the profiles of a {@link ConformancePackage}, offline.
 *
 * <p>Construction is slow (core definitions, snapshots of every profile) and validation is not, so build one and
 * share it: it is thread-safe. Errors are what the base specification and the package's profiles forbid, including
 * codes missing from the package's own CodeSystems; codes of code systems that are not available offline (SNOMED CT,
 * LOINC, RxNorm, ICD-10-CM) are reported as warnings, because they cannot be checked here.
 */
public final class ProfileValidator {

    private final ValidationSupportChain validationSupport;
    private final FhirValidator validator;
    private final BaseRulesCheck baseRules;

    public ProfileValidator(
            FhirContext fhirContext, IValidationSupport coreDefinitions, ConformancePackage conformancePackage) {
        PrePopulatedValidationSupport packageDefinitions = new PrePopulatedValidationSupport(fhirContext);
        withSnapshots(fhirContext, coreDefinitions, conformancePackage.structureDefinitions())
                .forEach(packageDefinitions::addStructureDefinition);
        conformancePackage.codeSystems().forEach(packageDefinitions::addCodeSystem);
        conformancePackage.valueSets().forEach(packageDefinitions::addValueSet);
        conformancePackage.searchParameters().forEach(packageDefinitions::addSearchParameter);

        // Codes of unheld code systems already give warnings, so no UnknownCodeSystemWarningValidationSupport (deprecated)
        validationSupport = new ValidationSupportChain(
                coreDefinitions,
                packageDefinitions,
                new CommonCodeSystemsTerminologyService(fhirContext),
                new InMemoryTerminologyServerValidationSupport(fhirContext),
                new SnapshotGeneratingValidationSupport(fhirContext));

        validator = fhirContext.newValidator()
                .registerValidatorModule(withContinuumSettings(new ReusingInstanceValidator(validationSupport)));
        baseRules = new BaseRulesCheck(validationSupport);
    }

    /** Applies the settings every Continuum validation uses. */
    static FhirInstanceValidator withContinuumSettings(FhirInstanceValidator instanceValidator) {
        // Best-practice rules such as dom-6 (narrative) flag every API-created resource and drown the real findings
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        // A client may claim profiles this server does not hold (e.g. US Core): a warning, not a rejection
        instanceValidator.setErrorForUnknownProfiles(false);
        // Extensions defined by guides this server does not hold (e.g. US Core race) are allowed, as FHIR allows them
        instanceValidator.setAnyExtensionsAllowed(true);
        // Check a reference's target type, from its Bundle entry or its URL (Patient/1), but never fetch the target
        instanceValidator.setValidatorPolicyAdvisor(new CheckReferenceTypes());
        instanceValidator.setValidatorResourceFetcher(new FetchNothing());
        instanceValidator.setAssumeValidRestReferences(true);
        return instanceValidator;
    }

    /** Validates against the base specification and the profiles the resource claims in {@code meta.profile}. */
    public ValidationResult validate(IBaseResource resource) {
        return validator.validateWithResult(resource);
    }

    /** Validates against the base specification, {@code meta.profile}, and the given profile. */
    public ValidationResult validate(IBaseResource resource, String profileUrl) {
        return validator.validateWithResult(resource, new ValidationOptions().addProfile(profileUrl));
    }

    /**
     * Validates a resource given as JSON or XML text. The validator reads the text itself, so values HAPI's parser
     * would drop, such as an unknown status code, still reach it.
     */
    public ValidationResult validate(String resourceText) {
        return validator.validateWithResult(resourceText);
    }

    /**
     * The errors of the base-R4 rules HAPI's parser and JPA leave unchecked ({@link BaseRulesCheck}): a fraction of the
     * full validation's cost, for the EHR records of {@code base-rules-types}.
     */
    public List<SingleValidationMessage> checkBaseRules(IBaseResource resource) {
        return baseRules.check(resource);
    }

    /** Whether the resource claims, in meta.profile, a profile the server holds: then only full validation applies it. */
    public boolean claimsHeldProfile(IBaseResource resource) {
        return resource.getMeta().getProfile().stream()
                .anyMatch(profile -> profile.getValue() != null && baseRules.holdsDefinition(profile.getValue()));
    }

    /** The chain the validator uses; every StructureDefinition it holds already has its snapshot. */
    public IValidationSupport validationSupport() {
        return validationSupport;
    }

    /** HAPI's default policy ignores references, so a profile's Reference(Patient) would accept any target. */
    private static final class CheckReferenceTypes extends FhirDefaultPolicyAdvisor {
        @Override
        public ReferenceValidationPolicy policyForReference(IResourceValidator validator, Object appContext,
                String path, String url, ReferenceDestinationType destinationType) {
            return ReferenceValidationPolicy.CHECK_TYPE_IF_EXISTS;
        }
    }

    /** The validator requires a fetcher once it checks references; validation must not depend on other resources. */
    private static final class FetchNothing implements IValidatorResourceFetcher {
        @Override
        public Element fetch(IResourceValidator validator, Object appContext, String url) {
            return null;
        }

        @Override
        public boolean resolveURL(IResourceValidator validator, Object appContext, String path, String url,
                String type, boolean canonical, List<CanonicalType> targets) {
            return true;
        }

        @Override
        public byte[] fetchRaw(IResourceValidator validator, String url) {
            return null;
        }

        @Override
        public IValidatorResourceFetcher setLocale(Locale locale) {
            return this;
        }

        @Override
        public CanonicalResource fetchCanonicalResource(IResourceValidator validator, Object appContext, String url) {
            return null;
        }

        @Override
        public boolean fetchesCanonicalResource(IResourceValidator validator, String url) {
            return false;
        }

        @Override
        public Set<ResourceVersionInformation> fetchCanonicalResourceVersions(
                IResourceValidator validator, Object appContext, String url) {
            return Set.of();
        }
    }

    /** Snapshots are generated here, once, so that no validation has to wait for one. */
    private static List<IBaseResource> withSnapshots(
            FhirContext fhirContext, IValidationSupport coreDefinitions, List<StructureDefinition> profiles) {
        PrePopulatedValidationSupport differentials = new PrePopulatedValidationSupport(fhirContext);
        profiles.forEach(differentials::addStructureDefinition);
        ValidationSupportChain definitions = new ValidationSupportChain(coreDefinitions, differentials);
        // One worker context for all profiles, so the core definitions are converted for the generator only once
        SnapshotGeneratingValidationSupport generator = new SnapshotGeneratingValidationSupport(
                fhirContext, WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(definitions));
        ValidationSupportContext context = new ValidationSupportContext(definitions);
        return profiles.stream()
                .map(profile -> profile.hasSnapshot()
                        ? profile
                        : generator.generateSnapshot(context, profile, profile.getUrl(), null, profile.getName()))
                .toList();
    }
}
