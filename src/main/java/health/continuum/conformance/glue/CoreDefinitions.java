package health.continuum.conformance.glue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The FHIR R4 specification's StructureDefinitions, read in two parts; its code systems and value sets come from
 * HAPI's {@link DefaultProfileValidationSupport} unchanged. HAPI's JPA layer and the validator share one.
 *
 * <p>HAPI's class reads all four definition files of the specification as soon as one definition is asked for, and
 * lists all 649 definitions. Its FHIRPath engines and the validator list them at start-up, and need from the list only
 * the 212 base types and resources (with the two profiles of Quantity that serve as types). The specification's own
 * profiles and extensions (vitalsigns, patient-birthPlace, ...), 437 definitions and a third of the ~64 MB, are read
 * here the first time one is fetched by URL, as the validator does when a resource uses one. Thread-safe.
 */
public final class CoreDefinitions extends DefaultProfileValidationSupport {

    private static final List<String> BASE_FILES = List.of(
            "/org/hl7/fhir/r4/model/profile/profiles-types.xml",
            "/org/hl7/fhir/r4/model/profile/profiles-resources.xml");
    private static final List<String> PROFILE_AND_EXTENSION_FILES = List.of(
            "/org/hl7/fhir/r4/model/profile/profiles-others.xml",
            "/org/hl7/fhir/r4/model/extension/extension-definitions.xml");
    private static final String URL_PREFIX_CORE = "http://hl7.org/fhir/";
    // The package HAPI's loader marks each core definition with, in its user data
    private static final String PACKAGE_USER_DATA = "package";
    private static final String PACKAGE = "hl7.fhir.r4";
    private static final String SOURCE_PACKAGE = "hl7.fhir.r4.core";

    private final DefinitionFiles baseDefinitions;
    private final DefinitionFiles profilesAndExtensions;

    public CoreDefinitions(FhirContext fhirContext) {
        super(fhirContext);
        if (fhirContext.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException("CoreDefinitions holds FHIR R4, not " + fhirContext.getVersion());
        }
        baseDefinitions = new DefinitionFiles(fhirContext, BASE_FILES);
        profilesAndExtensions = new DefinitionFiles(fhirContext, PROFILE_AND_EXTENSION_FILES);
    }

    @Override
    public String getName() {
        return "Continuum FHIR R4 core definitions";
    }

    /** The base types and resources: the specification's profiles and extensions are fetched by URL. */
    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        return (List<T>) List.copyOf(baseDefinitions.read().values());
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        String canonical = canonicalUrl(url);
        StructureDefinition definition = baseDefinitions.read().get(canonical);
        if (definition == null) {
            definition = primitiveSpelledInUpperCase(canonical);
        }
        // Only then the profiles and extensions: HAPI's FHIRPath asks for DateTime, which must not read them all
        if (definition == null && canonical.startsWith(URL_PREFIX_STRUCTURE_DEFINITION)) {
            definition = profilesAndExtensions.read().get(canonical);
        }
        return definition;
    }

    /**
     * As HAPI's loader: what has been read so far. HAPI's terminology service lists them at start-up. The
     * StructureDefinitions are this class's own: HAPI's loader keeps any it read in a cache the whole JVM shares.
     */
    @Override
    public List<IBaseResource> fetchAllConformanceResources() {
        List<IBaseResource> all = new ArrayList<>(super.fetchAllConformanceResources().stream()
                .filter(resource -> !(resource instanceof StructureDefinition))
                .toList());
        all.addAll(baseDefinitions.readSoFar());
        all.addAll(profilesAndExtensions.readSoFar());
        return all;
    }

    /** As HAPI's loader: a bare type name ("Patient") or a relative one ("StructureDefinition/Patient") is core. */
    private static String canonicalUrl(String url) {
        if (url.startsWith(URL_PREFIX_STRUCTURE_DEFINITION)) {
            return url;
        }
        long slashes = url.chars().filter(character -> character == '/').count();
        if (slashes == 0) {
            return URL_PREFIX_STRUCTURE_DEFINITION + url;
        }
        return slashes == 1 ? URL_PREFIX_CORE + url : url;
    }

    /** HAPI's R4 SearchParameters capitalise some primitive types (value.as(String)); HAPI's loader allows it. */
    private StructureDefinition primitiveSpelledInUpperCase(String url) {
        if (!url.startsWith(URL_PREFIX_STRUCTURE_DEFINITION)) {
            return null;
        }
        String type = url.substring(URL_PREFIX_STRUCTURE_DEFINITION.length());
        if (type.isEmpty() || !Character.isUpperCase(type.charAt(0))) {
            return null;
        }
        StructureDefinition lowerCase = baseDefinitions.read()
                .get(URL_PREFIX_STRUCTURE_DEFINITION + Character.toLowerCase(type.charAt(0)) + type.substring(1));
        if (lowerCase == null) {
            return null;
        }
        StructureDefinition asSpelled = lowerCase.copy();
        asSpelled.setType(type);
        return markedAsCore(asSpelled);
    }

    /** Definition files read once, on first use, by whichever thread needs them first. */
    private static final class DefinitionFiles {

        private final FhirContext fhirContext;
        private final List<String> files;
        private volatile Map<String, StructureDefinition> byUrl;

        DefinitionFiles(FhirContext fhirContext, List<String> files) {
            this.fhirContext = fhirContext;
            this.files = files;
        }

        Map<String, StructureDefinition> read() {
            Map<String, StructureDefinition> definitions = byUrl;
            if (definitions == null) {
                synchronized (this) {
                    definitions = byUrl;
                    if (definitions == null) {
                        definitions = parse();
                        byUrl = definitions;
                    }
                }
            }
            return definitions;
        }

        Collection<StructureDefinition> readSoFar() {
            Map<String, StructureDefinition> definitions = byUrl;
            return definitions == null ? List.of() : definitions.values();
        }

        private Map<String, StructureDefinition> parse() {
            Map<String, StructureDefinition> definitions = new HashMap<>();
            for (String file : files) {
                try (InputStream bundle = DefaultProfileValidationSupport.class.getResourceAsStream(file)) {
                    if (bundle == null) {
                        throw new IllegalStateException("FHIR R4 definitions missing from the classpath: " + file);
                    }
                    for (Bundle.BundleEntryComponent entry :
                            fhirContext.newXmlParser().parseResource(Bundle.class, bundle).getEntry()) {
                        if (entry.getResource() instanceof StructureDefinition definition && definition.hasUrl()) {
                            definitions.put(definition.getUrl(), markedAsCore(withoutDifferentialOrMappings(definition)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file, e);
                }
            }
            return Map.copyOf(definitions);
        }
    }

    /**
     * The snapshot is what the validator, FHIRPath and snapshot generation read; the differential repeats part of it,
     * and the mappings to other standards (RIM, v2, ...) serve no check. Left out, the base definitions take 39 MB of
     * heap instead of 52, and their conversions for the validator shrink alike.
     */
    private static StructureDefinition withoutDifferentialOrMappings(StructureDefinition definition) {
        definition.setDifferential(null);
        definition.getMapping().clear();
        definition.getSnapshot().getElement().forEach(element -> element.getMapping().clear());
        return definition;
    }

    private static StructureDefinition markedAsCore(StructureDefinition definition) {
        definition.setUserData(PACKAGE_USER_DATA, PACKAGE);
        definition.setUserData(SOURCE_PACKAGE_ID, SOURCE_PACKAGE);
        return definition;
    }
}
