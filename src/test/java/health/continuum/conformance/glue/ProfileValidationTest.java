package health.continuum.conformance.glue;

import static health.continuum.canonical.Canonical.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.Logs;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.continuum.canonical.Canonical;
import health.continuum.medication.glue.FhirMedication;
import health.continuum.transition.TcmComplexity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileValidationTest {

    private static final Path EXAMPLES = Path.of("fhir-profiles", "examples");
    private static final String BUNDLE_FILE = "coordinated-care-bundle.json";
    private static final String CARE_PLAN = "CarePlan-maria-alvarez-transitional-care.json";
    private static final String CARE_TEAM = "CareTeam-maria-alvarez-transitional-care.json";
    private static final String GOAL = "Goal-no-readmission-30-days.json";
    private static final String MEDICATION_STATEMENT = "MedicationStatement-furosemide.json";
    private static final String TASK = "Task-post-discharge-contact.json";
    private static final String UUID_URN = "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final ObjectMapper JSON = new ObjectMapper();
    // To check an extension's context the validator loads the core package of other R4 versions, which it cannot
    // offline; the same error comes for any extension definition, so it says nothing about Continuum's.
    private static final String OFFLINE_CONTEXT_CHECK = "Unable to resolve package id hl7.fhir.r4.core";

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ConformancePackage PACKAGE = ConformancePackage.loadBuiltIn(FHIR);
    private static final CoreDefinitions CORE = new CoreDefinitions(FHIR);
    private static final ProfileValidator VALIDATOR = new ProfileValidator(FHIR, CORE, PACKAGE);

    @Test
    void everyProfileHasItsSnapshotWithTheDifferentialConstraints() {
        for (StructureDefinition profile : PACKAGE.structureDefinitions()) {
            StructureDefinition served =
                    (StructureDefinition) VALIDATOR.validationSupport().fetchStructureDefinition(profile.getUrl());
            assertThat(served.getSnapshot().getElement()).as(profile.getUrl()).isNotEmpty();
            for (ElementDefinition differential : profile.getDifferential().getElement()) {
                ElementDefinition snapshot = snapshotElement(served, differential.getId());
                if (differential.hasMin()) {
                    assertThat(snapshot.getMin()).as(differential.getId() + " min").isEqualTo(differential.getMin());
                }
                if (differential.hasMax()) {
                    assertThat(snapshot.getMax()).as(differential.getId() + " max").isEqualTo(differential.getMax());
                }
                assertThat(snapshot.getConstraint()).extracting(ElementDefinitionConstraintComponent::getKey)
                        .as(differential.getId() + " invariants")
                        .containsAll(differential.getConstraint().stream()
                                .map(ElementDefinitionConstraintComponent::getKey).toList());
            }
        }
    }

    @Test
    void everyExtensionHasItsSnapshotWithItsUrlFixedAndItsValueRequired() {
        for (String url : List.of(Canonical.INTERACTION_OVERRIDE_EXTENSION, Canonical.TCM_COMPLEXITY_EXTENSION)) {
            StructureDefinition served =
                    (StructureDefinition) VALIDATOR.validationSupport().fetchStructureDefinition(url);
            assertThat(served.getType()).isEqualTo("Extension");
            assertThat(snapshotElement(served, "Extension.url").getFixed().primitiveValue()).isEqualTo(url);
            assertThat(snapshotElement(served, "Extension.value[x]").getMin()).as(url + " value").isEqualTo(1);
            assertThat(snapshotElement(served, "Extension.extension").getMax()).as(url + " extensions").isEqualTo("0");
        }
    }

    @Test
    void anInteractionOverrideAsTheServerReadsItIsValid() {
        MedicationRequest order = medicationRequest();
        order.addExtension(Canonical.INTERACTION_OVERRIDE_EXTENSION, new StringType("no alternative antibiotic"));

        assertNoErrors(VALIDATOR.validate(order));
        assertThat(FhirMedication.of(order).orElseThrow().overrideReason()).isEqualTo("no alternative antibiotic");
    }

    @Test
    void anInteractionOverrideThatIsNotAReasonInWordsOrNotOnAMedicationIsInvalid() {
        MedicationRequest flagOnly = medicationRequest();
        flagOnly.addExtension(Canonical.INTERACTION_OVERRIDE_EXTENSION, new BooleanType(true));
        Encounter onAnEncounter = encounter();
        onAnEncounter.addExtension(Canonical.INTERACTION_OVERRIDE_EXTENSION, new StringType("no alternative antibiotic"));

        assertThat(errors(VALIDATOR.validate(flagOnly)))
                .anySatisfy(error -> assertThat(error.getMessage()).contains("boolean"));
        assertThat(errors(VALIDATOR.validate(onAnEncounter)))
                .anySatisfy(error -> assertThat(error.getMessage()).contains("interaction-override"));
    }

    @Test
    void aTcmComplexityOfTheCodeSystemIsValidAndAnyOtherCodeIsNot() {
        for (TcmComplexity complexity : TcmComplexity.values()) {
            Encounter encounter = encounter();
            encounter.addExtension(Canonical.TCM_COMPLEXITY_EXTENSION, new CodeType(complexity.code()));
            assertNoErrors(VALIDATOR.validate(encounter));
        }
        Encounter low = encounter();
        low.addExtension(Canonical.TCM_COMPLEXITY_EXTENSION, new CodeType("low"));

        assertThat(errors(VALIDATOR.validate(low))).anySatisfy(error -> assertThat(error.getMessage()).contains("low"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformanceResources")
    void everyConformanceResourceIsValidFhir(String name, MetadataResource resource) {
        assertThat(errors(VALIDATOR.validate(resource)))
                .as("validation errors")
                .filteredOn(error -> !(isExtension(resource) && error.getMessage().contains(OFFLINE_CONTEXT_CHECK)))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleResourceExamples")
    void everyExampleClaimsAContinuumProfileAndConformsToIt(String fileName) {
        String json = readExample(fileName);
        IBaseResource example = FHIR.newJsonParser().parseResource(json);

        assertThat(example.getMeta().getProfile()).singleElement()
                .satisfies(profile -> assertThat(profile.getValue()).startsWith(BASE + "/StructureDefinition/"));
        assertNoErrors(VALIDATOR.validate(json));
    }

    @Test
    void everyProfileHasAnExample() {
        Set<String> claimedProfiles = singleResourceExamples()
                .map(fileName -> FHIR.newJsonParser().parseResource(readExample(fileName)))
                .map(example -> example.getMeta().getProfile().get(0).getValue())
                .collect(Collectors.toSet());

        assertThat(claimedProfiles).containsExactlyInAnyOrderElementsOf(
                PACKAGE.resourceProfiles().stream().map(StructureDefinition::getUrl).toList());
    }

    @Test
    void coordinatedCareBundleIsOneTransactionOfPostsLinkedByUuids() {
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, readExample(BUNDLE_FILE));

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        Set<String> fullUrls = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            assertThat(entry.getFullUrl()).matches(UUID_URN);
            assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
            assertThat(entry.getRequest().getUrl()).isEqualTo(entry.getResource().fhirType());
            fullUrls.add(entry.getFullUrl());
        }
        assertThat(fullUrls).hasSameSizeAs(bundle.getEntry());
        List<String> references = bundle.getEntry().stream()
                .flatMap(entry -> FHIR.newTerser()
                        .getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class).stream())
                .map(Reference::getReference)
                .toList();
        assertThat(references).isNotEmpty().allSatisfy(reference -> assertThat(fullUrls).contains(reference));
        assertThat(bundle.getEntry()).extracting(entry -> entry.getResource().fhirType())
                .contains("Patient", "Practitioner", "CareTeam", "Condition", "Goal", "CarePlan", "MedicationStatement",
                        "Task");
    }

    @Test
    void coordinatedCareBundleAndEachOfItsEntriesConform() {
        String json = readExample(BUNDLE_FILE);
        assertNoErrors(VALIDATOR.validate(json));

        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            assertNoErrors(VALIDATOR.validate(entry.getResource()));
        }
    }

    @Test
    void bundleValidationAppliesTheProfilesItsEntriesClaim() {
        ObjectNode bundle = exampleAsTree(BUNDLE_FILE);
        for (JsonNode entry : bundle.withArrayProperty("entry")) {
            if (entry.path("resource").path("resourceType").asText().equals("CareTeam")) {
                removeCoordinator((ObjectNode) entry.path("resource"));
            }
        }

        assertThat(errors(VALIDATOR.validate(bundle.toString())))
                .anySatisfy(error -> assertThat(error.getMessage()).contains("continuum-careteam-coordinator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVariants")
    void invalidResourceIsRejected(InvalidVariant variant) {
        ObjectNode resource = exampleAsTree(variant.exampleFile());
        variant.breakIt().accept(resource);

        assertThat(errors(VALIDATOR.validate(resource.toString()))).anySatisfy(error -> {
            assertThat(error.getMessage()).contains(variant.expectedMessage());
            assertThat(error.getLocationString()).isEqualTo(variant.expectedLocation());
        });
    }

    record InvalidVariant(String name, String exampleFile, Consumer<ObjectNode> breakIt, String expectedMessage,
            String expectedLocation) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<InvalidVariant> invalidVariants() {
        return Stream.of(
                new InvalidVariant("care team without a coordinator", CARE_TEAM,
                        ProfileValidationTest::removeCoordinator,
                        "Constraint failed: continuum-careteam-coordinator: 'A care team needs a care coordinator",
                        "CareTeam"),
                new InvalidVariant("care team participant without a role", CARE_TEAM,
                        careTeam -> participant(careTeam, 1).remove("role"),
                        "CareTeam.participant.role: minimum required = 1, but only found 0", "CareTeam.participant[1]"),
                new InvalidVariant("care team without a subject", CARE_TEAM,
                        careTeam -> careTeam.remove("subject"),
                        "CareTeam.subject: minimum required = 1, but only found 0", "CareTeam"),
                new InvalidVariant("medication statement without an RxNorm coding", MEDICATION_STATEMENT,
                        statement -> firstCoding(statement.withObjectProperty("medicationCodeableConcept"))
                                .put("system", "https://pharmacy.example.org/formulary"),
                        "Constraint failed: continuum-medication-rxnorm: 'The medication needs at least one RxNorm coding",
                        "MedicationStatement.medication.ofType(CodeableConcept)"),
                new InvalidVariant("medication statement without dateAsserted", MEDICATION_STATEMENT,
                        statement -> statement.remove("dateAsserted"),
                        "MedicationStatement.dateAsserted: minimum required = 1, but only found 0", "MedicationStatement"),
                new InvalidVariant("task without a code", TASK,
                        task -> task.remove("code"),
                        "Task.code: minimum required = 1, but only found 0", "Task"),
                new InvalidVariant("task without for", TASK,
                        task -> task.remove("for"),
                        "Task.for: minimum required = 1, but only found 0", "Task"),
                new InvalidVariant("task with a code outside the task-type code system", TASK,
                        task -> firstCoding(task.withObjectProperty("code")).put("code", "discharge-summary"),
                        "Unknown code 'https://continuum.health/fhir/CodeSystem/task-type#discharge-summary'", "Task.code"),
                new InvalidVariant("task for a practitioner", TASK,
                        task -> task.withObjectProperty("for").put("reference", "Practitioner/dana-whitfield"),
                        "The type 'Practitioner' implied by the reference URL Practitioner/dana-whitfield is not a valid"
                                + " Target for this element (must be one of [Patient])",
                        "Task.for"),
                new InvalidVariant("care plan without a care team", CARE_PLAN,
                        carePlan -> carePlan.remove("careTeam"),
                        "CarePlan.careTeam: minimum required = 1, but only found 0", "CarePlan"),
                new InvalidVariant("care plan without a goal", CARE_PLAN,
                        carePlan -> carePlan.remove("goal"),
                        "CarePlan.goal: minimum required = 1, but only found 0", "CarePlan"),
                new InvalidVariant("care plan without a subject", CARE_PLAN,
                        carePlan -> carePlan.remove("subject"),
                        "CarePlan.subject: minimum required = 1, but only found 0", "CarePlan"),
                new InvalidVariant("care plan without the assess-plan category", CARE_PLAN,
                        carePlan -> carePlan.putArray("category").addObject()
                                .put("text", "Post-discharge plan"),
                        "Slice 'CarePlan.category:AssessPlan': a matching slice is required, but not found", "CarePlan"),
                new InvalidVariant("care plan with status 'bogus'", CARE_PLAN,
                        carePlan -> carePlan.put("status", "bogus"),
                        "The value provided ('bogus') was not found in the value set 'RequestStatus'", "CarePlan.status"),
                new InvalidVariant("care plan with an activity detail", CARE_PLAN,
                        carePlan -> carePlan.withArrayProperty("activity").addObject().putObject("detail")
                                .put("status", "not-started").put("description", "Weigh every morning"),
                        "CarePlan.activity.detail: max allowed = 0, but found 1", "CarePlan.activity[3]"),
                new InvalidVariant("goal without expressedBy", GOAL,
                        goal -> goal.remove("expressedBy"),
                        "Goal.expressedBy: minimum required = 1, but only found 0", "Goal"),
                new InvalidVariant("goal without a start or due date", GOAL,
                        goal -> {
                            goal.remove("startDate");
                            goal.remove("target");
                        },
                        "Constraint failed: continuum-goal-start-or-due: 'A goal needs a start date", "Goal"));
    }

    @Test
    void codesOfCodeSystemsUnavailableOfflineAreWarningsNotErrors() {
        ValidationResult result = VALIDATOR.validate(readExample(MEDICATION_STATEMENT));

        assertNoErrors(result);
        assertThat(result.getMessages()).anySatisfy(message -> {
            assertThat(message.getSeverity()).isEqualTo(ResultSeverityEnum.WARNING);
            assertThat(message.getMessage()).contains("http://www.nlm.nih.gov/research/umls/rxnorm#4603");
        });
    }

    /** The validator lists only the base definitions (CoreDefinitions); core extensions are fetched by URL. */
    @Test
    void aCoreExtensionIsStillCheckedAgainstItsDefinition() {
        String birthPlace = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
        Patient asText = new Patient();
        asText.addExtension(birthPlace, new StringType("Lyon"));
        Patient asAddress = new Patient();
        asAddress.addExtension(birthPlace, new Address().setCity("Lyon"));

        assertThat(errors(VALIDATOR.validate(asText))).extracting(SingleValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("string").contains("Address"));
        assertThat(errors(VALIDATOR.validate(asAddress))).extracting(SingleValidationMessage::getMessage)
                .noneSatisfy(message -> assertThat(message).contains("Address"));
    }

    @Test
    void aCoreProfileAResourceClaimsIsStillApplied() {
        Observation heartRate = new Observation();
        heartRate.getMeta().addProfile("http://hl7.org/fhir/StructureDefinition/vitalsigns");
        heartRate.setStatus(Observation.ObservationStatus.FINAL);
        heartRate.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
        heartRate.setSubject(new Reference("Patient/1"));

        assertThat(errors(VALIDATOR.validate(heartRate))).extracting(SingleValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("vitalsigns"));
    }

    @Test
    void validationNeverGeneratesASnapshot() {
        ProfileValidator freshValidator = new ProfileValidator(FHIR, CORE, PACKAGE);
        Logger snapshotLog = (Logger) Logs.getTerminologyTroubleshootingLog();
        Level configuredLevel = snapshotLog.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        snapshotLog.addAppender(logged);
        snapshotLog.setLevel(Level.INFO);
        try {
            singleResourceExamples().map(ProfileValidationTest::readExample).forEach(freshValidator::validate);
            freshValidator.validate(readExample(BUNDLE_FILE));
        } finally {
            snapshotLog.setLevel(configuredLevel);
            snapshotLog.detachAppender(logged);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getMessage)
                .doesNotContain(SnapshotGeneratingValidationSupport.GENERATING_SNAPSHOT_LOG_MSG);
    }

    /**
     * Thread CPU time, not wall time, because the build machine is shared; even so, contention inflates it up to six
     * times, so the bounds only catch order-of-magnitude regressions such as reloading definitions per request.
     */
    @Test
    void validationIsFastAfterWarmUp() {
        List<String> examples = singleResourceExamples().map(ProfileValidationTest::readExample).toList();
        String bundle = readExample(BUNDLE_FILE);
        int bundleEntries = FHIR.newJsonParser().parseResource(Bundle.class, bundle).getEntry().size();
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            examples.forEach(VALIDATOR::validate);
            VALIDATOR.validate(bundle);
        }

        double perResource = cpuMillis(() -> examples.forEach(VALIDATOR::validate), rounds) / examples.size();
        double perBundleEntry = cpuMillis(() -> VALIDATOR.validate(bundle), rounds) / bundleEntries;

        System.out.printf("Validation CPU time after warm-up: %.1f ms per resource alone, %.1f ms per resource in a"
                + " %d-entry bundle%n", perResource, perBundleEntry, bundleEntries);
        assertThat(perResource).isLessThan(250);
        assertThat(perBundleEntry).isLessThan(50);
    }

    static Stream<Arguments> conformanceResources() {
        return PACKAGE.resources().stream()
                .map(resource -> arguments(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource));
    }

    static Stream<String> singleResourceExamples() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals(BUNDLE_FILE))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double cpuMillis(Runnable work, int repetitions) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < repetitions; i++) {
            work.run();
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / repetitions;
    }

    private static boolean isExtension(MetadataResource resource) {
        return resource instanceof StructureDefinition definition && definition.getType().equals("Extension");
    }

    private static MedicationRequest medicationRequest() {
        MedicationRequest order = new MedicationRequest();
        order.setId("MedicationRequest/clarithromycin");
        order.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        order.setMedication(new CodeableConcept().setText("clarithromycin"));
        order.setSubject(new Reference("Patient/maria-alvarez"));
        return order;
    }

    private static Encounter encounter() {
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", null));
        encounter.setSubject(new Reference("Patient/maria-alvarez"));
        return encounter;
    }

    private static void removeCoordinator(ObjectNode careTeam) {
        ArrayNode participants = careTeam.withArrayProperty("participant");
        for (int i = participants.size() - 1; i >= 0; i--) {
            if (participants.get(i).findValuesAsText("code").contains("768832004")) {
                participants.remove(i);
            }
        }
    }

    private static ObjectNode participant(ObjectNode careTeam, int index) {
        return (ObjectNode) careTeam.withArrayProperty("participant").get(index);
    }

    private static ObjectNode firstCoding(ObjectNode codeableConcept) {
        return (ObjectNode) codeableConcept.withArrayProperty("coding").get(0);
    }

    private static ObjectNode exampleAsTree(String fileName) {
        try {
            return (ObjectNode) JSON.readTree(readExample(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readExample(String fileName) {
        try {
            return Files.readString(EXAMPLES.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ElementDefinition snapshotElement(StructureDefinition profile, String id) {
        return profile.getSnapshot().getElement().stream()
                .filter(element -> element.getId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(profile.getUrl() + " snapshot has no element " + id));
    }

    private static List<SingleValidationMessage> errors(ValidationResult result) {
        return result.getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
    }

    private static void assertNoErrors(ValidationResult result) {
        assertThat(errors(result)).as("validation errors").isEmpty();
    }
}
