package health.continuum.conformance.glue;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.BaseRuntimeElementDefinition.ChildTypeEnum;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import health.continuum.canonical.Canonical;
import health.continuum.transition.TcmComplexity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The base-R4 rules check finds what the full HL7 validator finds of its rules, and nothing the validator does not. */
class BaseRulesCheckTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ProfileValidator VALIDATOR =
            new ProfileValidator(FHIR, new CoreDefinitions(FHIR), ConformancePackage.loadBuiltIn(FHIR));

    static Stream<Arguments> syntheaResources() {
        return Stream.of("patient-luther", "hospital-information", "practitioner-information")
                .flatMap(name -> synthea(name).getEntry().stream())
                .map(entry -> Arguments.of(entry.getResource().fhirType() + "/" + entry.getResource().getIdPart(),
                        entry.getResource()));
    }

    /** Synthea's records conform (the full validator finds no error in them), so the check must find none either. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("syntheaResources")
    void aConformingSyntheaRecordKeepsEveryRule(String name, IBaseResource resource) {
        assertThat(fullErrors(resource)).as("the full validator's verdict").isEmpty();
        assertThat(VALIDATOR.checkBaseRules(resource))
                .extracting(error -> error.getLocationString() + ": " + error.getMessage()).isEmpty();
    }

    static Stream<Arguments> breaches() {
        return Stream.of(
                Arguments.of("an Observation without its code", """
                        {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/1"}}""",
                        "Observation", "Observation.code: minimum required = 1, but only found 0"),
                Arguments.of("a backbone element without its required child", """
                        {"resourceType":"Observation","status":"final","code":{"text":"BP"},
                         "component":[{"code":{"text":"systolic"}},{"valueString":"high"}]}""",
                        "Observation.component[1]", "Observation.component.code: minimum required = 1"),
                Arguments.of("a datatype without its required child", """
                        {"resourceType":"Procedure","status":"completed","subject":{"reference":"Patient/1"},
                         "note":[{"authorString":"Dr. A"}]}""",
                        "Procedure.note[0]", "Annotation.text: minimum required = 1"),
                Arguments.of("a contained resource without its required element", """
                        {"resourceType":"DiagnosticReport","status":"final","code":{"text":"CBC"},
                         "contained":[{"resourceType":"Observation","id":"o1","code":{"text":"Hb"}}]}""",
                        "DiagnosticReport.contained[0]", "Observation.status: minimum required = 1"),
                Arguments.of("a CodeableConcept outside its required binding", """
                        {"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/1"},
                         "clinicalStatus":{"coding":[{"system":
                           "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"gone"}]}}""",
                        "AllergyIntolerance.clinicalStatus", "None of the codes provided are in the value set"),
                Arguments.of("a CodeableConcept without a code where a code is required", """
                        {"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/1"},
                         "clinicalStatus":{"text":"over it"}}""",
                        "AllergyIntolerance.clinicalStatus", "No code provided"),
                Arguments.of("a core extension with a value of a type it does not allow", """
                        {"resourceType":"Observation","status":"final","code":{"text":"x"},
                         "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
                           "valueString":"Lyon"}]}""",
                        "Observation.extension[0]", "does not allow a value of type string"),
                Arguments.of("an abated Condition still active (con-4)", """
                        {"resourceType":"Condition","subject":{"reference":"Patient/1"},"code":{"text":"flu"},
                         "clinicalStatus":{"coding":[{"system":
                           "http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                         "abatementDateTime":"2026-01-02"}""",
                        "Condition", "con-4"),
                Arguments.of("an Observation with a value and a reason for its absence (obs-6)", """
                        {"resourceType":"Observation","status":"final","code":{"text":"x"},"valueString":"3",
                         "dataAbsentReason":{"text":"not asked"}}""",
                        "Observation", "obs-6"),
                Arguments.of("a backbone element breaking its invariant (pat-1)", """
                        {"resourceType":"Patient","contact":[{"gender":"male"}]}""",
                        "Patient.contact[0]", "pat-1"),
                Arguments.of("a datatype breaking its invariant (per-1)", """
                        {"resourceType":"Encounter","status":"finished","class":{"code":"AMB"},
                         "period":{"start":"2026-03-02","end":"2026-03-01"}}""",
                        "Encounter.period", "per-1"),
                Arguments.of("a contained resource nothing refers to (dom-3)", """
                        {"resourceType":"Procedure","status":"completed","subject":{"reference":"Patient/1"},
                         "contained":[{"resourceType":"Location","id":"l1","name":"ward"}]}""",
                        "Procedure", "dom-3"),
                Arguments.of("a reference to a contained resource that is not there (ref-1)", """
                        {"resourceType":"Procedure","status":"completed","subject":{"reference":"Patient/1"},
                         "location":{"reference":"#l1"}}""",
                        "Procedure.location", "ref-1"),
                Arguments.of("a reference to a resource of a type the element does not allow", """
                        {"resourceType":"Observation","status":"final","code":{"text":"x"},
                         "subject":{"reference":"Medication/1"}}""",
                        "Observation.subject", "Found Medication"),
                Arguments.of("a code its code system does not have, under an extensible binding", """
                        {"resourceType":"Condition","subject":{"reference":"Patient/1"},"code":{"text":"flu"},
                         "category":[{"coding":[{"system":
                           "http://terminology.hl7.org/CodeSystem/condition-category","code":"bogus"}]}]}""",
                        "Condition.category[0]", "Unknown code 'bogus'"));
    }

    /** Each definition's invariants are parsed when its table is built: none may fail at a client's first write. */
    @Test
    void everyResourceTypeAndDatatypeOfTheSpecificationHasItsRulesWithParsedInvariants() {
        ElementRules rules =
                new ElementRules(VALIDATOR.validationSupport(), new Invariants(VALIDATOR.validationSupport()));
        Stream<String> types = Stream.concat(FHIR.getResourceTypes().stream(),
                FHIR.getElementDefinitions().stream()
                        .filter(definition -> definition.getChildType() == ChildTypeEnum.COMPOSITE_DATATYPE
                                || definition.getChildType() == ChildTypeEnum.PRIMITIVE_DATATYPE)
                        .map(definition -> definition.getName()));

        assertThat(types).allSatisfy(type -> assertThat(rules.ofType(type)).as(type).isPresent());
        assertThat(rules.ofType("Condition").orElseThrow().rule("Condition").invariants())
                .extracting(Invariants.Invariant::key).contains("con-4", "con-5", "dom-3");
    }

    /** HAPI's getters create empty elements (getText() an empty Narrative): they are not stored, so not checked. */
    @Test
    void anEmptyElementAGetterCreatedIsNotThere() {
        Encounter encounter = encounterOfComplexity(TcmComplexity.values()[0].code());
        encounter.getText();
        encounter.addIdentifier();

        assertThat(VALIDATOR.checkBaseRules(encounter)).extracting(SingleValidationMessage::getMessage).isEmpty();
        assertThat(fullErrors(encounter)).isEmpty();
    }

    @Test
    void aCodeOfTheRequiredValueSetKeepsTheBinding() {
        IBaseResource allergy = FHIR.newJsonParser().parseResource("""
                {"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/1"},
                 "clinicalStatus":{"coding":[{"system":
                   "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}}""");

        assertThat(VALIDATOR.checkBaseRules(allergy)).extracting(SingleValidationMessage::getMessage).isEmpty();
        assertThat(fullErrors(allergy)).isEmpty();
    }

    /** The Encounters of transitions are held to the base rules: a Continuum extension's binding is one of them. */
    @Test
    void aTcmComplexityOfTheCodeSystemKeepsTheExtensionsBindingAndAnyOtherCodeDoesNot() {
        for (TcmComplexity complexity : TcmComplexity.values()) {
            assertThat(VALIDATOR.checkBaseRules(encounterOfComplexity(complexity.code())))
                    .extracting(SingleValidationMessage::getMessage).isEmpty();
        }
        Encounter low = encounterOfComplexity("low");

        assertThat(VALIDATOR.checkBaseRules(low)).singleElement().satisfies(error -> {
            assertThat(error.getLocationString()).isEqualTo("Encounter.extension[0].value.ofType(code)");
            assertThat(error.getMessage()).contains("'low'", "tcm-complexity");
        });
        assertThat(fullErrors(low)).anySatisfy(error -> assertThat(error.getMessage()).contains("low"));
    }

    private static Encounter encounterOfComplexity(String code) {
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
        encounter.addExtension(Canonical.TCM_COMPLEXITY_EXTENSION, new CodeType(code));
        return encounter;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void aBreachIsFoundWhereTheFullValidatorFindsIt(String name, String json, String location, String message) {
        IBaseResource resource = FHIR.newJsonParser().parseResource(json);
        List<SingleValidationMessage> errors = VALIDATOR.checkBaseRules(resource);
        assertThat(errors).as("the check's errors").anySatisfy(error -> {
            // At the element, or at one of its parts (the Coding of a CodeableConcept with an unknown code)
            assertThat(error.getLocationString()).isIn(location, location + ".coding[0]");
            assertThat(error.getMessage()).contains(message);
        });
        assertThat(fullErrors(resource)).as("the full validator's errors")
                .anySatisfy(error -> assertThat(error.getLocationString()).startsWith(location));
    }

    private static List<SingleValidationMessage> fullErrors(IBaseResource resource) {
        return VALIDATOR.validate(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    private static Bundle synthea(String name) {
        try (InputStream compressed = BaseRulesCheckTest.class.getResourceAsStream("/synthea/" + name + ".json.gz");
             InputStream json = new GZIPInputStream(compressed)) {
            return FHIR.newJsonParser().parseResource(Bundle.class, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
