package health.continuum.conformance.glue;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.XmlUtil;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.ValidationContext;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * HAPI's {@link FhirInstanceValidator}, except that each HL7 {@link InstanceValidator} serves many validations
 * instead of one. Building one costs more CPU than validating a typical resource: its constructor re-reads HL7's
 * 1.5 MB OID registry ({@code OIDUtilities.loadOIDsFromCSV}) and indexes every StructureDefinition again.
 *
 * <p>It reports what HAPI 8.8.0's validator reports: {@link #validate(IValidationContext)} does what HAPI's
 * package-private {@code ValidatorWrapper} does, with the same settings; ReusingInstanceValidatorTest compares the two,
 * so a HAPI upgrade that changes the wrapper shows there. Make every setting before the first validation, because an
 * InstanceValidator keeps the settings it was built with.
 */
final class ReusingInstanceValidator extends FhirInstanceValidator {

    // An InstanceValidator holds on to every coding it checked, with the resource around it, until it is dropped
    private static final int MAX_VALIDATIONS_PER_INSTANCE = 1000;
    private static final int MAX_CHARACTERS_PER_INSTANCE = 4 * 1024 * 1024;
    private static final String ELE_1 = "ele-1";
    private static final String ELE_1_EXPRESSION = "hasValue() or (children().count() > id.count())";

    // Each idle one holds its own copy of the OID registry (~2 MB), and validations rarely outnumber the cores
    private final BlockingQueue<PooledInstanceValidator> idle =
            new ArrayBlockingQueue<>(Runtime.getRuntime().availableProcessors());

    ReusingInstanceValidator(IValidationSupport validationSupport) {
        super(validationSupport);
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        IWorkerContext workerContext = provideWorkerContext();
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ValidationMessage> unknownProfiles = new ArrayList<>();
        context.getOptions().getProfiles().forEach(url -> addProfile(workerContext, url, profiles, unknownProfiles));

        String input = context.getResourceAsString();
        EncodingEnum encoding = context.getResourceAsStringEncoding();
        List<ValidationMessage> messages = new ArrayList<>();
        if (encoding == EncodingEnum.XML) {
            Document document;
            try {
                document = XmlUtil.parseDocument(input);
            } catch (Exception e) {
                ValidationMessage unreadable = new ValidationMessage();
                unreadable.setLevel(IssueSeverity.FATAL);
                unreadable.setMessage("Failed to parse input, it does not appear to be valid XML:" + e.getMessage());
                return List.of(unreadable);
            }
            claimedProfiles(document).forEach(url -> addProfile(workerContext, url, profiles, unknownProfiles));
            validate(workerContext, null, input, FhirFormat.XML, profiles, messages);
        } else if (encoding == EncodingEnum.JSON) {
            claimedProfiles(context, input).forEach(url -> addProfile(workerContext, url, profiles, unknownProfiles));
            validate(workerContext, context.getOptions().getAppContext(), input, FhirFormat.JSON, profiles, messages);
        } else {
            throw new IllegalArgumentException("Unknown encoding: " + encoding);
        }

        if (profiles.isEmpty()) {
            messages.addAll(unknownProfiles);
        }
        messages.removeIf(ReusingInstanceValidator::isIrrelevant);
        IssueSeverity unknownProfileLevel = isErrorForUnknownProfiles() ? IssueSeverity.ERROR : IssueSeverity.WARNING;
        messages.stream()
                .filter(message -> I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(message.getMessageId())
                        || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(message.getMessageId()))
                .forEach(message -> message.setLevel(unknownProfileLevel));
        return messages;
    }

    @Override
    public void invalidateCaches() {
        super.invalidateCaches();
        idle.clear();
    }

    private void validate(IWorkerContext workerContext, Object appContext, String input, FhirFormat format,
            List<StructureDefinition> profiles, List<ValidationMessage> messages) {
        PooledInstanceValidator validator = Objects.requireNonNullElseGet(idle.poll(), () -> build(workerContext));
        validator.validateAsNew(input, appContext, format, profiles, messages);
        // Not reached when validation throws, so a validator left in an unknown state is not reused
        if (!validator.isWornOut()) {
            idle.offer(validator);
        }
    }

    /** Built and configured as HAPI's {@code ValidatorWrapper} builds one for each validation. */
    private PooledInstanceValidator build(IWorkerContext workerContext) {
        PooledInstanceValidator validator = new PooledInstanceValidator(workerContext,
                Objects.requireNonNullElseGet(getHostApplicationServices(), NullEvaluationContext::new));
        validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
        validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
        validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
        validator.setResourceIdRule(IdStatus.OPTIONAL);
        validator.setNoTerminologyChecks(isNoTerminologyChecks());
        validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
        validator.setUnknownCodeSystemsCauseErrors(true);
        validator.getExtensionDomains().addAll(getExtensionDomains());
        validator.setFetcher(getValidatorResourceFetcher());
        validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
        validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
        validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
        validator.setAllowExamples(isAllowExamples());
        validator.setAllowXsiLocation(true);
        return validator;
    }

    private static void addProfile(IWorkerContext workerContext, String url, List<StructureDefinition> profiles,
            List<ValidationMessage> unknownProfiles) {
        StructureDefinition profile;
        try {
            profile = workerContext.fetchResource(StructureDefinition.class, url);
        } catch (FHIRException e) {
            return;
        }
        if (profile != null) {
            profiles.add(profile);
        } else {
            ValidationMessage unknown = new ValidationMessage();
            unknown.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
            unknown.setLevel(IssueSeverity.ERROR);
            unknown.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
            unknownProfiles.add(unknown);
        }
    }

    /** The resource's meta.profile: from the resource given as an object, so its text is not parsed an extra time. */
    private static List<String> claimedProfiles(IValidationContext<?> context, String json) {
        // Only ValidationContext holds a resource object; asked for one, a context made from text parses its text
        if (context instanceof ValidationContext<?> given && given.getResource() instanceof IBaseResource resource) {
            return resource.getMeta().getProfile().stream()
                    .map(IPrimitiveType::getValueAsString)
                    .filter(Objects::nonNull)
                    .toList();
        }
        List<String> urls = new ArrayList<>();
        JsonObject meta = new Gson().fromJson(json, JsonObject.class).getAsJsonObject("meta");
        JsonElement profiles = meta == null ? null : meta.get("profile");
        if (profiles != null && profiles.isJsonArray()) {
            profiles.getAsJsonArray().forEach(url -> urls.add(url.getAsString()));
        }
        return urls;
    }

    private static List<String> claimedProfiles(Document document) {
        List<String> urls = new ArrayList<>();
        NodeList children = document.getChildNodes().item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeName().equalsIgnoreCase("meta")) {
                NodeList metaChildren = children.item(i).getChildNodes();
                for (int j = 0; j < metaChildren.getLength(); j++) {
                    Node child = metaChildren.item(j);
                    if (child.getNodeName().equalsIgnoreCase("profile")) {
                        urls.add(child.getAttributes().item(0).getNodeValue());
                    }
                }
                break;
            }
        }
        return urls;
    }

    /** HAPI drops these: bindings without a source, and the mimetypes ValueSet it cannot expand. */
    private static boolean isIrrelevant(ValidationMessage message) {
        String id = message.getMessageId();
        return I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE.equals(id)
                || (I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND.equals(id)
                        && message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"));
    }

    /** Starts every validation as a new InstanceValidator would, for a limited number of validations. */
    private static final class PooledInstanceValidator extends InstanceValidator {

        // Reused: the validator's own entry point builds a parser, with its own FHIRPath engine, for every resource
        private final JsonParser jsonParser;
        private int validations;
        private long charactersValidated;

        PooledInstanceValidator(IWorkerContext workerContext, IHostApplicationServices hostServices) {
            super(workerContext, hostServices, new XVerExtensionManagerOld(workerContext), new ValidatorSession(),
                    new ValidatorSettings());
            jsonParser = new JsonParser(workerContext);
            jsonParser.setupValidation(ValidationPolicy.EVERYTHING);
        }

        void validateAsNew(String input, Object appContext, FhirFormat format, List<StructureDefinition> profiles,
                List<ValidationMessage> messages) {
            validations++;
            charactersValidated += input.length();
            // A new validator reports each deprecated or retired definition once; so must a reused one, every time
            statusWarnings.clear();
            ByteArrayInputStream stream = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
            if (format != FhirFormat.JSON) {
                validate(appContext, messages, stream, format, profiles);
                return;
            }
            // What validate(appContext, messages, stream, format, profiles) does for JSON: one fragment, no logical model
            try {
                for (ValidatedFragment fragment : jsonParser.parse(stream)) {
                    if (fragment.getElement() != null) {
                        validate(appContext, fragment.getErrors(), null, fragment.getElement(), profiles);
                    }
                    messages.addAll(fragment.getErrors());
                }
            } catch (IOException e) {
                throw new FHIRException(e);
            }
        }

        /**
         * ele-1, on every element of every resource, is much of the FHIRPath the validator runs: where it holds,
         * answered here; where it fails, the FHIRPath engine still reports it, in its own words.
         */
        @Override
        public boolean checkInvariant(org.hl7.fhir.validation.instance.utils.ValidationContext valContext,
                List<ValidationMessage> errors, String path, StructureDefinition profile, Element resource,
                Element element, ElementDefinitionConstraintComponent invariant) {
            if (ELE_1.equals(invariant.getKey()) && ELE_1_EXPRESSION.equals(invariant.getExpression())
                    && hasValueOrChildren(element)) {
                return true;
            }
            return super.checkInvariant(valContext, errors, path, profile, resource, element, invariant);
        }

        // What ele-1 asks: a value, or a child other than id
        private static boolean hasValueOrChildren(Element element) {
            return (element.isPrimitive() && element.hasValue())
                    || (element.hasChildren() && element.getChildren().stream().anyMatch(child -> !"id".equals(child.getName())));
        }

        boolean isWornOut() {
            return validations >= MAX_VALIDATIONS_PER_INSTANCE || charactersValidated >= MAX_CHARACTERS_PER_INSTANCE;
        }
    }
}
