package health.continuum.conformance.glue;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import health.continuum.canonical.Canonical;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusingInstanceValidatorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Path EXAMPLES = Path.of("fhir-profiles", "examples");
    private static final String RETIRED_EXTENSION_URL = Canonical.BASE
            + "/StructureDefinition/retired-note";
    private static final String RETIRED_EXTENSION = """
            {"resourceType": "StructureDefinition", "id": "retired-note", "url": "%s", "name": "RetiredNote",
             "status": "retired", "fhirVersion": "4.0.1", "kind": "complex-type", "abstract": false,
             "context": [{"type": "element", "expression": "Patient"}], "type": "Extension",
             "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension", "derivation": "constraint",
             "differential": {"element": [
               {"id": "Extension", "path": "Extension"},
               {"id": "Extension.url", "path": "Extension.url", "fixedUri": "%1$s"},
               {"id": "Extension.value[x]", "path": "Extension.value[x]", "type": [{"code": "string"}]}]}}
            """.formatted(RETIRED_EXTENSION_URL);
    private static final String PATIENT_WITH_RETIRED_EXTENSION = """
            {"resourceType": "Patient", "meta": {"profile": ["https://example.org/fhir/StructureDefinition/unheld"]},
             "extension": [{"url": "%s", "valueString": "moved to a new extension"}]}
            """.formatted(RETIRED_EXTENSION_URL);

    // Empty elements, which ele-1 forbids, are still reported with the ele-1 short cut in place
    private static final String PATIENT_WITH_EMPTY_ELEMENTS = """
            {"resourceType": "Patient", "name": [{"family": "Alvarez"}, {}], "identifier": [{}]}""";

    /** Three rounds: a reused InstanceValidator must not remember anything from the validations before. */
    @Test
    void reportsWhatHapisValidatorReportsEveryTime(@TempDir Path extraProfiles) throws IOException {
        Files.writeString(extraProfiles.resolve("StructureDefinition-retired-note.json"), RETIRED_EXTENSION);
        ConformancePackage conformancePackage = ConformancePackage.builder(FHIR).addDirectory(extraProfiles).build();
        ProfileValidator profileValidator = new ProfileValidator(FHIR, new CoreDefinitions(FHIR), conformancePackage);
        FhirValidator hapi = FHIR.newValidator().registerValidatorModule(ProfileValidator.withContinuumSettings(
                new FhirInstanceValidator(profileValidator.validationSupport())));
        FhirValidator reusing = FHIR.newValidator().registerValidatorModule(ProfileValidator.withContinuumSettings(
                new ReusingInstanceValidator(profileValidator.validationSupport())));

        List<Validation> validations = validations();
        for (int round = 1; round <= 3; round++) {
            for (Validation validation : validations) {
                assertThat(describe(validation.run().apply(reusing)))
                        .as("%s, round %d", validation.name(), round)
                        .isEqualTo(describe(validation.run().apply(hapi)));
            }
        }
        assertThat(describe(reusing.validateWithResult(PATIENT_WITH_RETIRED_EXTENSION).getMessages()))
                .anySatisfy(message -> assertThat(message).contains(RETIRED_EXTENSION_URL + " is retired"));
        assertThat(describe(reusing.validateWithResult(PATIENT_WITH_EMPTY_ELEMENTS).getMessages()))
                .filteredOn(message -> message.startsWith("ERROR") && message.contains("Object must have some content"))
                .hasSize(2);
    }

    private record Validation(String name, Function<FhirValidator, List<SingleValidationMessage>> run) {}

    private static List<Validation> validations() throws IOException {
        List<Validation> validations = new ArrayList<>();
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.sorted().toList();
        }
        for (Path example : examples) {
            String json = Files.readString(example);
            IBaseResource resource = FHIR.newJsonParser().parseResource(json);
            String xml = FHIR.newXmlParser().encodeResourceToString(resource);
            String profile = Canonical.BASE + "/StructureDefinition/continuum-"
                    + resource.fhirType().toLowerCase();
            validations.add(new Validation(example + " as JSON", validator -> validator.validateWithResult(json)
                    .getMessages()));
            validations.add(new Validation(example + " as XML", validator -> validator.validateWithResult(xml)
                    .getMessages()));
            validations.add(new Validation(example + " against " + profile, validator -> validator
                    .validateWithResult(resource, new ValidationOptions().addProfile(profile)).getMessages()));
        }
        String brokenCarePlan = Files.readString(EXAMPLES.resolve("CarePlan-maria-alvarez-transitional-care.json"))
                .replace("\"status\": \"active\"", "\"status\": \"bogus\"");
        validations.add(new Validation("care plan with status 'bogus'", validator -> validator
                .validateWithResult(brokenCarePlan).getMessages()));
        validations.add(new Validation("patient with a retired extension", validator -> validator
                .validateWithResult(PATIENT_WITH_RETIRED_EXTENSION).getMessages()));
        validations.add(new Validation("patient with empty elements", validator -> validator
                .validateWithResult(PATIENT_WITH_EMPTY_ELEMENTS).getMessages()));
        HumanName onlyAnId = new HumanName();
        onlyAnId.setId("only-an-id");
        Patient withEmptyName = new Patient().addName(onlyAnId);
        validations.add(new Validation("parsed patient with a name holding only an id", validator -> validator
                .validateWithResult(withEmptyName).getMessages()));
        validations.add(new Validation("unreadable XML", validator -> validator
                .validateWithResult("<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"1\"/>").getMessages()));
        return validations;
    }

    private static List<String> describe(List<SingleValidationMessage> messages) {
        return messages.stream()
                .map(message -> String.join(" | ", String.valueOf(message.getSeverity()), message.getLocationString(),
                        message.getLocationLine() + ":" + message.getLocationCol(), message.getMessageId(),
                        message.getMessage(), String.valueOf(message.getSliceMessages())))
                .toList();
    }
}
