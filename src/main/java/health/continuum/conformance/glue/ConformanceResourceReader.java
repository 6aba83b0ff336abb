package health.continuum.conformance.glue;

import static health.continuum.conformance.glue.ConformancePackage.BUILT_IN_FOLDER;
import static health.continuum.conformance.glue.ConformancePackage.INDEX_FILE;
import static health.continuum.conformance.glue.ConformancePackage.LOADED_TYPES;
import static health.continuum.conformance.glue.ConformancePackage.MANIFEST_FILE;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemIdentifierType;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemUniqueIdComponent;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * Reads the files of a {@link ConformancePackage} (its built-in folder, directories, FHIR NPM packages) and checks each
 * as it is added: a FHIR R4 resource of a loaded type, read strictly, whose canonical URL no other file defines.
 */
final class ConformanceResourceReader {

    private final FhirContext fhirContext;
    private final IParser parser;
    private final List<MetadataResource> resources = new ArrayList<>();
    private final Map<String, String> sourceByCanonical = new HashMap<>();

    ConformanceResourceReader(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
        // A misspelt element in a profile would otherwise vanish silently and weaken the constraint
        this.parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    List<MetadataResource> resources() {
        return resources;
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
            files = entries.filter(ConformanceResourceReader::isResourceFile).sorted().toList();
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
        InputStream stream = ConformanceResourceReader.class.getClassLoader().getResourceAsStream(path);
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
