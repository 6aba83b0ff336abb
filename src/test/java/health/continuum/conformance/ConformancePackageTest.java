package health.continuum.conformance;

import static health.continuum.conformance.ConformancePackage.CANONICAL_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void builtInPackageHoldsTheContinuumProfilesCodeSystemsValueSetsAndSearchParameters() {
        assertThat(BUILT_IN.structureDefinitions()).extracting(StructureDefinition::getUrl).containsExactlyInAnyOrder(
                CANONICAL_BASE + "/StructureDefinition/continuum-careplan",
                CANONICAL_BASE + "/StructureDefinition/continuum-careteam",
                CANONICAL_BASE + "/StructureDefinition/continuum-goal",
                CANONICAL_BASE + "/StructureDefinition/continuum-medicationstatement",
                CANONICAL_BASE + "/StructureDefinition/continuum-task");
        assertThat(BUILT_IN.codeSystems()).extracting(CodeSystem::getUrl).containsExactlyInAnyOrder(
                CANONICAL_BASE + "/CodeSystem/task-type",
                CANONICAL_BASE + "/CodeSystem/discharge-readiness-check");
        assertThat(BUILT_IN.valueSets()).extracting(MetadataResource::getUrl).containsExactlyInAnyOrder(
                CANONICAL_BASE + "/ValueSet/task-type",
                CANONICAL_BASE + "/ValueSet/care-team-role");
        assertThat(BUILT_IN.searchParameters()).extracting(SearchParameter::getUrl).containsExactlyInAnyOrder(
                CANONICAL_BASE + "/SearchParameter/task-due-date",
                CANONICAL_BASE + "/SearchParameter/careteam-role");
    }

    @Test
    void everyBuiltInResourceIsVersion010FromContinuumUnderTheCanonicalBase() {
        for (MetadataResource resource : BUILT_IN.resources()) {
            assertThat(resource.getUrl())
                    .isEqualTo(CANONICAL_BASE + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart());
            assertThat(resource.getVersion()).as(resource.getUrl()).isEqualTo("0.1.0");
            assertThat(resource.getPublisher()).as(resource.getUrl()).isEqualTo("Continuum");
            assertThat(resource.getStatus()).as(resource.getUrl()).isEqualTo(
                    resource instanceof SearchParameter ? PublicationStatus.ACTIVE : PublicationStatus.DRAFT);
        }
    }

    @Test
    void profilesAreR4DifferentialConstraintsThatDependOnNoOtherPackage() {
        for (StructureDefinition profile : BUILT_IN.structureDefinitions()) {
            assertThat(profile.getDerivation()).isEqualTo(StructureDefinition.TypeDerivationRule.CONSTRAINT);
            assertThat(profile.getFhirVersion().toCode()).isEqualTo("4.0.1");
            assertThat(profile.getBaseDefinition())
                    .isEqualTo("http://hl7.org/fhir/StructureDefinition/" + profile.getType());
            assertThat(profile.hasSnapshot()).as(profile.getUrl() + " has a snapshot").isFalse();
            assertThat(profile.getDescription()).as(profile.getUrl()).containsPattern("does not depend|without depending");
        }
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
                .hasMessageContaining("CodeSystem " + CANONICAL_BASE + "/CodeSystem/task-type is defined twice");
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
        ProfileValidator validator = new ProfileValidator(FHIR, loaded);
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
