package health.continuum.conformance.glue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The FHIR R4 conformance resources Continuum validates with: its own package, shipped on the classpath under
 * {@code fhir-profiles/}, plus any directories and FHIR NPM packages (.tgz) added to the {@link Builder}.
 * Everything is read from local files; nothing is fetched from the network.
 *
 * <p>The built-in folder is laid out as a FHIR package ({@code package.json} and {@code .index.json}); its file names
 * are read from {@code .index.json}, because a class loader cannot list a folder inside a jar.
 */
public final class ConformancePackage {

    static final String BUILT_IN_FOLDER = "fhir-profiles/";
    static final String INDEX_FILE = ".index.json";
    static final String MANIFEST_FILE = "package.json";
    static final Set<String> LOADED_TYPES =
            Set.of("StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter", "NamingSystem", "Questionnaire");

    private final List<MetadataResource> resources;

    private ConformancePackage(List<MetadataResource> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Continuum's own package only. */
    public static ConformancePackage loadBuiltIn(FhirContext fhirContext) {
        return builder(fhirContext).build();
    }

    /** Continuum's own package, plus the directories and NPM packages added to the builder. */
    public static Builder builder(FhirContext fhirContext) {
        return new Builder(fhirContext);
    }

    /** Every loaded resource. They are shared, mutable HAPI objects: copy one before changing it (e.g. to store it). */
    public List<MetadataResource> resources() {
        return resources;
    }

    public List<StructureDefinition> structureDefinitions() {
        return ofType(StructureDefinition.class);
    }

    /** The StructureDefinitions that constrain a resource type: profiles, not extensions or data type profiles. */
    public List<StructureDefinition> resourceProfiles() {
        return structureDefinitions().stream()
                .filter(definition -> definition.getKind() == StructureDefinitionKind.RESOURCE)
                .filter(definition -> definition.getDerivation() == TypeDerivationRule.CONSTRAINT)
                .toList();
    }

    public List<CodeSystem> codeSystems() {
        return ofType(CodeSystem.class);
    }

    public List<ValueSet> valueSets() {
        return ofType(ValueSet.class);
    }

    public List<SearchParameter> searchParameters() {
        return ofType(SearchParameter.class);
    }

    /** The instruments, such as the PHQ-9, that the assessment capability scores. */
    public List<Questionnaire> questionnaires() {
        return ofType(Questionnaire.class);
    }

    private <T extends MetadataResource> List<T> ofType(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public static final class Builder {

        private final FhirContext fhirContext;
        private final List<Path> directories = new ArrayList<>();
        private final List<Path> npmPackages = new ArrayList<>();

        private Builder(FhirContext fhirContext) {
            if (fhirContext.getVersion().getVersion() != FhirVersionEnum.R4) {
                throw new IllegalArgumentException("The conformance package is FHIR R4, but the FhirContext is "
                        + fhirContext.getVersion().getVersion());
            }
            this.fhirContext = fhirContext;
        }

        /**
         * Adds every {@code *.json} file directly inside the directory (not in its subfolders), except a package's
         * {@code package.json} and {@code .index.json}; each must be a StructureDefinition, CodeSystem, ValueSet,
         * SearchParameter, NamingSystem or Questionnaire.
         */
        public Builder addDirectory(Path directory) {
            directories.add(directory);
            return this;
        }

        /**
         * Adds the StructureDefinitions, CodeSystems, ValueSets, SearchParameters, NamingSystems and Questionnaires of a
         * FHIR R4 NPM package ({@code .tgz} holding {@code package/package.json}); its other resources, such as
         * examples, are skipped.
         */
        public Builder addNpmPackage(Path tgzFile) {
            npmPackages.add(tgzFile);
            return this;
        }

        /**
         * @throws IllegalArgumentException when a file is not a FHIR R4 resource of a loaded type, or two files
         *     define the same canonical URL (for NamingSystems, the same identifier system)
         * @throws UncheckedIOException when a file cannot be read
         */
        public ConformancePackage build() {
            ConformanceResourceReader reader = new ConformanceResourceReader(fhirContext);
            try {
                reader.addBuiltIn();
                for (Path directory : directories) {
                    reader.addDirectory(directory);
                }
                for (Path npmPackage : npmPackages) {
                    reader.addNpmPackage(npmPackage);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the conformance package: " + e.getMessage(), e);
            }
            return new ConformancePackage(reader.resources());
        }
    }
}
