package health.continuum.conformance.glue;

import static health.continuum.canonical.Canonical.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.continuum.canonical.Canonical;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.canonical.ContinuumCodes.DetectedIssueMitigation;
import health.continuum.canonical.ContinuumCodes.ReadinessCheck;
import health.continuum.canonical.ContinuumCodes.ReadmissionRisk;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.medication.ReconciliationFlag;
import health.continuum.transition.TcmComplexity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemIdentifierType;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemUniqueIdComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionContextComponent;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConformancePackageTest {

    private static final Path BUILT_IN_FOLDER = Path.of("fhir-profiles");
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ConformancePackage BUILT_IN = ConformancePackage.loadBuiltIn(FHIR);

    private static final String TEST_PROFILE_URL = "http://example.org/fhir/StructureDefinition/patient-with-birth-date";
    private static final String TEST_PROFILE = """
            {
              "resourceType": "StructureDefinition",
              "id": "patient-with-birth-date",
              "url": "%s",
              "version": "1.0.0",
              "name": "PatientWithBirthDate",
              "status": "draft",
              "fhirVersion": "4.0.1",
              "kind": "resource",
              "abstract": false,
              "type": "Patient",
              "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient",
              "derivation": "constraint",
              "differential": {
                "element": [
                  { "id": "Patient.birthDate", "path": "Patient.birthDate", "min": 1 }
                ]
              }
            }
            """.formatted(TEST_PROFILE_URL);
    private static final String TEST_CODE_SYSTEM = """
            {
              "resourceType": "CodeSystem",
              "url": "http://example.org/fhir/CodeSystem/local-codes",
              "status": "draft",
              "content": "complete",
              "concept": [ { "code": "a", "display": "A" } ]
            }
            """;
    private static final String PATIENT = """
            { "resourceType": "Patient", "id": "example", "gender": "female" }
            """;

    @Test
    void builtInPackageHoldsTheContinuumProfilesExtensionsTerminologyAndSearchParameters() {
        assertThat(BUILT_IN.resourceProfiles()).extracting(StructureDefinition::getUrl).containsExactlyInAnyOrder(
                BASE + "/StructureDefinition/continuum-careplan",
                BASE + "/StructureDefinition/continuum-careteam",
                BASE + "/StructureDefinition/continuum-goal",
                BASE + "/StructureDefinition/continuum-medicationstatement",
                BASE + "/StructureDefinition/continuum-task");
        assertThat(BUILT_IN.structureDefinitions()).filteredOn(definition -> definition.getType().equals("Extension"))
                .extracting(StructureDefinition::getUrl).containsExactlyInAnyOrder(
                        BASE + "/StructureDefinition/interaction-override",
                        BASE + "/StructureDefinition/tcm-complexity",
                        BASE + "/StructureDefinition/task-overdue");
        assertThat(BUILT_IN.codeSystems()).extracting(CodeSystem::getUrl).containsExactlyInAnyOrder(
                BASE + "/CodeSystem/task-type",
                BASE + "/CodeSystem/discharge-readiness-check",
                BASE + "/CodeSystem/readmission-risk",
                BASE + "/CodeSystem/reconciliation-flag",
                BASE + "/CodeSystem/detected-issue-mitigation",
                BASE + "/CodeSystem/tcm-complexity");
        assertThat(BUILT_IN.valueSets()).extracting(MetadataResource::getUrl).containsExactlyInAnyOrder(
                BASE + "/ValueSet/task-type",
                BASE + "/ValueSet/care-team-role",
                BASE + "/ValueSet/tcm-complexity");
        assertThat(BUILT_IN.searchParameters()).extracting(SearchParameter::getUrl).containsExactlyInAnyOrder(
                BASE + "/SearchParameter/task-due-date",
                BASE + "/SearchParameter/careteam-role");
        assertThat(namingSystems()).extracting(ConformancePackageTest::uriOf).containsExactly(
                BASE + "/sid/detected-issue-key");
    }

    @Test
    void everyBuiltInResourceIsVersion010FromContinuumUnderTheCanonicalBase() {
        for (MetadataResource resource : BUILT_IN.resources()) {
            String id = resource.getIdElement().getIdPart();
            if (resource instanceof NamingSystem namingSystem) {
                // R4 NamingSystem has no url or version: the identifier system it declares sits under the base
                assertThat(uriOf(namingSystem)).isEqualTo(BASE + "/sid/" + id);
            } else {
                assertThat(resource.getUrl()).isEqualTo(BASE + "/" + resource.fhirType() + "/" + id);
                assertThat(resource.getVersion()).as(resource.getUrl()).isEqualTo("0.1.0");
            }
            assertThat(resource.getPublisher()).as(id).isEqualTo("Continuum");
            assertThat(resource.getStatus()).as(id).isEqualTo(
                    resource instanceof SearchParameter ? PublicationStatus.ACTIVE : PublicationStatus.DRAFT);
        }
    }

    @Test
    void structureDefinitionsAreR4DifferentialConstraintsAndProfilesDependOnNoOtherPackage() {
        for (StructureDefinition definition : BUILT_IN.structureDefinitions()) {
            assertThat(definition.getDerivation()).isEqualTo(StructureDefinition.TypeDerivationRule.CONSTRAINT);
            assertThat(definition.getFhirVersion().toCode()).isEqualTo("4.0.1");
            assertThat(definition.getBaseDefinition())
                    .isEqualTo("http://hl7.org/fhir/StructureDefinition/" + definition.getType());
            assertThat(definition.hasSnapshot()).as(definition.getUrl() + " has a snapshot").isFalse();
        }
        for (StructureDefinition profile : BUILT_IN.resourceProfiles()) {
            assertThat(profile.getDescription()).as(profile.getUrl()).containsPattern("does not depend|without depending");
        }
    }

    /** Each Continuum code system and the enum the server writes its codes from. */
    static Stream<Arguments> codeSystemsTheServerWrites() {
        return Stream.of(
                codes(ContinuumCodes.TASK_TYPE, TaskType.values(), TaskType::code),
                codes(ContinuumCodes.DISCHARGE_READINESS_CHECK, ReadinessCheck.values(), ReadinessCheck::code),
                codes(ContinuumCodes.READMISSION_RISK, ReadmissionRisk.values(), ReadmissionRisk::code),
                codes(ContinuumCodes.RECONCILIATION_FLAG, ReconciliationFlag.values(), ReconciliationFlag::code),
                codes(ContinuumCodes.DETECTED_ISSUE_MITIGATION, DetectedIssueMitigation.values(),
                        DetectedIssueMitigation::code),
                // valueCode of the tcm-complexity extension and of $discharge-readiness, so no system in the code
                codes(BASE + "/CodeSystem/tcm-complexity", TcmComplexity.values(), TcmComplexity::code));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeSystemsTheServerWrites")
    void everyContinuumCodeSystemHasExactlyTheCodesOfItsEnum(String url, List<String> enumCodes) {
        assertThat(codeSystem(url).getConcept()).extracting(ConceptDefinitionComponent::getCode)
                .containsExactlyInAnyOrderElementsOf(enumCodes);
    }

    @Test
    void everyPublishedCodeSystemHasTheEnumItsCodesAreWrittenFrom() {
        assertThat(BUILT_IN.codeSystems()).extracting(CodeSystem::getUrl).containsExactlyInAnyOrderElementsOf(
                codeSystemsTheServerWrites().map(arguments -> (String) arguments.get()[0]).toList());
    }

    @Test
    void readmissionRiskDisplaysAreTheOnesTheLaceObservationCarries() {
        Map<String, String> published = codeSystem(ContinuumCodes.READMISSION_RISK).getConcept().stream()
                .collect(Collectors.toMap(ConceptDefinitionComponent::getCode, ConceptDefinitionComponent::getDisplay));

        for (ReadmissionRisk code : ReadmissionRisk.values()) {
            assertThat(published).containsEntry(code.code(), code.display());
        }
    }

    @Test
    void everyExtensionAndIdentifierSystemTheServerUsesIsPublished() {
        assertThat(BUILT_IN.structureDefinitions()).extracting(StructureDefinition::getUrl)
                .contains(Canonical.INTERACTION_OVERRIDE_EXTENSION, Canonical.TCM_COMPLEXITY_EXTENSION);
        assertThat(namingSystems()).extracting(ConformancePackageTest::uriOf)
                .contains(Canonical.DETECTED_ISSUE_KEY_SYSTEM);
    }

    @Test
    void interactionOverrideIsAStringReasonOnMedicationStatementsAndRequests() {
        StructureDefinition extension = structureDefinition(Canonical.INTERACTION_OVERRIDE_EXTENSION);

        assertThat(extension.getKind()).isEqualTo(StructureDefinitionKind.COMPLEXTYPE);
        assertThat(extension.getContext()).extracting(StructureDefinitionContextComponent::getExpression)
                .containsExactlyInAnyOrder("MedicationStatement", "MedicationRequest");
        ElementDefinition value = differentialElement(extension, "Extension.value[x]");
        assertThat(value.getMin()).isEqualTo(1);
        assertThat(value.getType()).extracting(ElementDefinition.TypeRefComponent::getCode).containsExactly("string");
    }

    @Test
    void tcmComplexityIsACodeOfTheTcmComplexityCodeSystemOnEncounters() {
        StructureDefinition extension = structureDefinition(Canonical.TCM_COMPLEXITY_EXTENSION);

        assertThat(extension.getContext()).extracting(StructureDefinitionContextComponent::getExpression)
                .containsExactly("Encounter");
        ElementDefinition value = differentialElement(extension, "Extension.value[x]");
        assertThat(value.getMin()).isEqualTo(1);
        assertThat(value.getType()).extracting(ElementDefinition.TypeRefComponent::getCode).containsExactly("code");
        assertThat(value.getBinding().getStrength()).isEqualTo(BindingStrength.REQUIRED);
        ValueSet allowed = BUILT_IN.valueSets().stream()
                .filter(valueSet -> valueSet.getUrl().equals(value.getBinding().getValueSet()))
                .findFirst().orElseThrow();
        assertThat(allowed.getCompose().getInclude()).singleElement()
                .satisfies(include -> assertThat(include.getSystem()).isEqualTo(BASE + "/CodeSystem/tcm-complexity"));
    }

    @Test
    void searchParametersAddOnlyWhatBaseR4Lacks() {
        for (SearchParameter parameter : BUILT_IN.searchParameters()) {
            for (var base : parameter.getBase()) {
                assertThat(FHIR.getResourceDefinition(base.getCode()).getSearchParam(parameter.getCode()))
                        .as(base.getCode() + "?" + parameter.getCode() + " exists in base R4")
                        .isNull();
            }
        }
    }

    @Test
    void indexListsEveryResourceFileOfTheBuiltInFolderWithItsOwnValues() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode index = json.readTree(BUILT_IN_FOLDER.resolve(ConformancePackage.INDEX_FILE).toFile());

        List<String> indexed = new ArrayList<>();
        for (JsonNode entry : index.path("files")) {
            String fileName = entry.path("filename").asText();
            indexed.add(fileName);
            JsonNode resource = json.readTree(BUILT_IN_FOLDER.resolve(fileName).toFile());
            entry.properties().forEach(field -> {
                if (!field.getKey().equals("filename")) {
                    assertThat(resource.path(field.getKey())).as(fileName + " " + field.getKey())
                            .isEqualTo(field.getValue());
                }
            });
        }
        try (Stream<Path> files = Files.list(BUILT_IN_FOLDER)) {
            assertThat(indexed).containsExactlyInAnyOrderElementsOf(files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .filter(name -> !name.equals(ConformancePackage.INDEX_FILE))
                    .filter(name -> !name.equals(ConformancePackage.MANIFEST_FILE))
                    .toList());
        }
    }

    @Test
    void builtInFolderIsAValidFhirNpmPackage(@TempDir Path temp) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(BUILT_IN_FOLDER)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }

        NpmPackage npmPackage;
        try (InputStream tgz = Files.newInputStream(writeNpmPackage(temp, files))) {
            npmPackage = NpmPackage.fromPackage(tgz);
        }

        assertThat(npmPackage.name()).isEqualTo("health.continuum.fhir");
        assertThat(npmPackage.version()).isEqualTo("0.1.0");
        assertThat(npmPackage.fhirVersion()).isEqualTo("4.0.1");
        assertThat(npmPackage.listResources(ConformancePackage.LOADED_TYPES)).hasSize(BUILT_IN.resources().size());
    }

    @Test
    void addsTheResourceFilesOfADirectoryButNotItsSubfoldersOrPackageManifest(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("CodeSystem-local-codes.json"), TEST_CODE_SYSTEM);
        Files.writeString(directory.resolve(ConformancePackage.MANIFEST_FILE), packageManifest("4.0.1"));
        Files.createDirectory(directory.resolve("examples"));
        Files.writeString(directory.resolve("examples").resolve("Patient-example.json"), PATIENT);

        ConformancePackage loaded = ConformancePackage.builder(FHIR).addDirectory(directory).build();

        assertThat(loaded.resources()).hasSize(BUILT_IN.resources().size() + 1);
        assertThat(loaded.codeSystems()).extracting(CodeSystem::getUrl)
                .contains("http://example.org/fhir/CodeSystem/local-codes");
    }

    @Test
    void rejectsADirectoryFileThatIsNotAConformanceResource(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("Patient-example.json"), PATIENT);

        assertThatThrownBy(() -> ConformancePackage.builder(FHIR).addDirectory(directory).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Patient-example.json is a Patient");
    }

    @Test
    void rejectsAProfileWithAnElementFhirDoesNotDefine(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("StructureDefinition-typo.json"),
                TEST_PROFILE.replace("\"min\": 1", "\"minimum\": 1"));

        assertThatThrownBy(() -> ConformancePackage.builder(FHIR).addDirectory(directory).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read")
                .hasMessageContaining("StructureDefinition-typo.json");
    }

    @Test
    void rejectsTwoDefinitionsOfOneCanonicalUrl(@TempDir Path directory) throws IOException {
        Files.copy(BUILT_IN_FOLDER.resolve("CodeSystem-task-type.json"), directory.resolve("CodeSystem-copy.json"));

        assertThatThrownBy(() -> ConformancePackage.builder(FHIR).addDirectory(directory).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CodeSystem " + BASE + "/CodeSystem/task-type is defined twice");
    }

    @Test
    void rejectsTwoNamingSystemsOfOneIdentifierSystem(@TempDir Path directory) throws IOException {
        Files.copy(BUILT_IN_FOLDER.resolve("NamingSystem-detected-issue-key.json"),
                directory.resolve("NamingSystem-copy.json"));

        assertThatThrownBy(() -> ConformancePackage.builder(FHIR).addDirectory(directory).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NamingSystem " + BASE + "/sid/detected-issue-key is defined twice");
    }

    @Test
    void loadsTheConformanceResourcesOfAnNpmPackageOfflineAndValidatesWithThem(@TempDir Path temp) throws IOException {
        Path tgz = writeNpmPackage(temp, Map.of(
                ConformancePackage.MANIFEST_FILE, packageManifest("4.0.1"),
                "StructureDefinition-patient-with-birth-date.json", TEST_PROFILE,
                "Patient-example.json", PATIENT));

        ConformancePackage loaded = ConformancePackage.builder(FHIR).addNpmPackage(tgz).build();

        assertThat(loaded.structureDefinitions()).extracting(StructureDefinition::getUrl).contains(TEST_PROFILE_URL);
        assertThat(loaded.resources()).hasSize(BUILT_IN.resources().size() + 1);
        ProfileValidator validator = new ProfileValidator(FHIR, new CoreDefinitions(FHIR), loaded);
        assertThat(validator.validate(new Patient(), TEST_PROFILE_URL).getMessages()).anySatisfy(message -> {
            assertThat(message.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR);
            assertThat(message.getMessage()).contains("Patient.birthDate: minimum required = 1, but only found 0");
        });
    }

    @Test
    void rejectsAnNpmPackageForAnotherFhirVersion(@TempDir Path temp) throws IOException {
        Path tgz = writeNpmPackage(temp, Map.of(
                ConformancePackage.MANIFEST_FILE, packageManifest("5.0.0"),
                "StructureDefinition-patient-with-birth-date.json", TEST_PROFILE));

        assertThatThrownBy(() -> ConformancePackage.builder(FHIR).addNpmPackage(tgz).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is for FHIR 5.0.0, not R4");
    }

    @Test
    void rejectsAFhirContextOfAnotherVersion() {
        assertThatThrownBy(() -> ConformancePackage.builder(FhirContext.forR5Cached()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R5");
    }

    private static <E extends Enum<E>> Arguments codes(String url, E[] values, Function<E, String> code) {
        return arguments(url, Stream.of(values).map(code).toList());
    }

    private static CodeSystem codeSystem(String url) {
        return BUILT_IN.codeSystems().stream().filter(codeSystem -> codeSystem.getUrl().equals(url))
                .findFirst().orElseThrow(() -> new AssertionError("no CodeSystem " + url));
    }

    private static StructureDefinition structureDefinition(String url) {
        return BUILT_IN.structureDefinitions().stream().filter(definition -> definition.getUrl().equals(url))
                .findFirst().orElseThrow(() -> new AssertionError("no StructureDefinition " + url));
    }

    private static ElementDefinition differentialElement(StructureDefinition definition, String id) {
        return definition.getDifferential().getElement().stream().filter(element -> element.getId().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(definition.getUrl() + " has no element " + id));
    }

    private static List<NamingSystem> namingSystems() {
        return BUILT_IN.resources().stream()
                .filter(NamingSystem.class::isInstance).map(NamingSystem.class::cast).toList();
    }

    private static String uriOf(NamingSystem namingSystem) {
        return namingSystem.getUniqueId().stream()
                .filter(uniqueId -> uniqueId.getType() == NamingSystemIdentifierType.URI)
                .map(NamingSystemUniqueIdComponent::getValue)
                .findFirst().orElse(null);
    }

    private static String packageManifest(String fhirVersion) {
        return """
                {
                  "name": "example.test.package",
                  "version": "1.0.0",
                  "fhirVersions": ["%s"]
                }
                """.formatted(fhirVersion);
    }

    /** Writes an NPM package the way FHIR tools publish one: a gzipped tar with every file under {@code package/}. */
    private static Path writeNpmPackage(Path directory, Map<String, String> files) throws IOException {
        Path tgz = directory.resolve("package.tgz");
        try (OutputStream file = Files.newOutputStream(tgz);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (Map.Entry<String, String> entry : files.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry tarEntry = new TarArchiveEntry("package/" + entry.getKey());
                tarEntry.setSize(content.length);
                tar.putArchiveEntry(tarEntry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return tgz;
    }
}
