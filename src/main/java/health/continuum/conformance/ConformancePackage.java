package health.continuum.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemIdentifierType;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemUniqueIdComponent;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;

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
            Set.of("StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter", "NamingSystem");

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
         * SearchParameter or NamingSystem.
         */
        public Builder addDirectory(Path directory) {
            directories.add(directory);
            return this;
        }

        /**
         * Adds the StructureDefinitions, CodeSystems, ValueSets, SearchParameters and NamingSystems of a FHIR R4 NPM
         * package ({@code .tgz} holding {@code package/package.json}); its other resources, such as examples, are
         * skipped.
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
            ResourceCollector collector = new ResourceCollector(fhirContext);
            try {
                collector.addBuiltIn();
                for (Path directory : directories) {
                    collector.addDirectory(directory);
                }
                for (Path npmPackage : npmPackages) {
                    collector.addNpmPackage(npmPackage);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the conformance package: " + e.getMessage(), e);
            }
            return new ConformancePackage(collector.resources);
        }
    }

    private static final class ResourceCollector {

        private final FhirContext fhirContext;
        private final IParser parser;
        private final List<MetadataResource> resources = new ArrayList<>();
        private final Map<String, String> sourceByCanonical = new HashMap<>();

        ResourceCollector(FhirContext fhirContext) {
            this.fhirContext = fhirContext;
            // A misspelt element in a profile would otherwise vanish silently and weaken the constraint
            this.parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        }

        void addBuiltIn() throws IOException {
            for (String fileName : builtInFileNames()) {
                String path = BUILT_IN_FOLDER + fileName;
                try (InputStream json = openClasspathFile(path)) {
                    add("classpath:" + path, json);
                }
            }
        }

        void addDirectory(Path directory) throws IOException {
            List<Path> files;
            try (Stream<Path> entries = Files.list(directory)) {
                files = entries.filter(ResourceCollector::isResourceFile).sorted().toList();
            }
            for (Path file : files) {
                try (InputStream json = Files.newInputStream(file)) {
                    add(file.toString(), json);
                }
            }
        }

        void addNpmPackage(Path tgzFile) throws IOException {
            NpmPackage npmPackage;
            try (InputStream tgz = Files.newInputStream(tgzFile)) {
                npmPackage = NpmPackage.fromPackage(tgz);
            }
            if (FhirVersionEnum.forVersionString(npmPackage.fhirVersion()) != FhirVersionEnum.R4) {
                throw new IllegalArgumentException(tgzFile + " (" + npmPackage.name() + "#" + npmPackage.version()
                        + ") is for FHIR " + npmPackage.fhirVersion() + ", not R4");
            }
            for (String fileName : npmPackage.listResources(LOADED_TYPES)) {
                try (InputStream json = npmPackage.loadResource(fileName)) {
                    add(tgzFile + "!package/" + fileName, json);
                }
            }
        }

        private void add(String source, InputStream json) {
            IBaseResource parsed;
            try {
                parsed = parser.parseResource(json);
            } catch (DataFormatException e) {
                throw new IllegalArgumentException("Cannot read " + source + ": " + e.getMessage(), e);
            }
            String type = fhirContext.getResourceType(parsed);
            if (!LOADED_TYPES.contains(type)) {
                throw new IllegalArgumentException(source + " is a " + type + "; only " + LOADED_TYPES + " are loaded");
            }
            MetadataResource resource = (MetadataResource) parsed;
            String identity = identity(resource);
            if (identity == null) {
                throw new IllegalArgumentException(source + (resource instanceof NamingSystem
                        ? " has no uniqueId of type uri" : " has no url"));
            }
            String canonical = type + " " + identity;
            String firstSource = sourceByCanonical.putIfAbsent(canonical, source);
            if (firstSource != null) {
                throw new IllegalArgumentException(canonical + " is defined twice: in " + firstSource + " and in " + source);
            }
            resources.add(resource);
        }

        // An R4 NamingSystem has no url: the identifier system it declares is what names it.
        private static String identity(MetadataResource resource) {
            if (resource instanceof NamingSystem namingSystem) {
                return namingSystem.getUniqueId().stream()
                        .filter(uniqueId -> uniqueId.getType() == NamingSystemIdentifierType.URI)
                        .map(NamingSystemUniqueIdComponent::getValue)
                        .findFirst().orElse(null);
            }
            return resource.hasUrl() ? resource.getUrl() : null;
        }

        private static List<String> builtInFileNames() throws IOException {
            try (InputStream index = openClasspathFile(BUILT_IN_FOLDER + INDEX_FILE)) {
                JsonNode files = new ObjectMapper().readTree(index).path("files");
                List<String> fileNames = new ArrayList<>();
                files.forEach(file -> fileNames.add(file.path("filename").asText()));
                return fileNames;
            }
        }

        private static InputStream openClasspathFile(String path) {
            InputStream stream = ConformancePackage.class.getClassLoader().getResourceAsStream(path);
            if (stream == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return stream;
        }

        private static boolean isResourceFile(Path file) {
            String name = file.getFileName().toString();
            return Files.isRegularFile(file) && name.endsWith(".json")
                    && !name.equals(MANIFEST_FILE) && !name.equals(INDEX_FILE);
        }
    }
}
