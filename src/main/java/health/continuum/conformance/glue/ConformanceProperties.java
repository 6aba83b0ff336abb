package health.continuum.conformance.glue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conformance settings ({@code continuum.conformance.*}); defaults live in application.yaml.
 *
 * @param validationMode enforce: a write that breaks base FHIR R4 or a profile it claims is rejected with 422; warn:
 *     it is stored and the findings are reported; off: no validation on write
 * @param coordinationRules how a CarePlan, CareTeam, Task or MedicationStatement that claims no Continuum profile is
 *     held to the Continuum profile of its type: flag (stored, each failed rule reported and turned into a
 *     coordination gap Task), enforce (422, as if it claimed the profile) or off (base R4 only)
 * @param baseRulesTypes resource types whose writes are held to the base-R4 rules HAPI's parser and JPA leave unchecked
 *     (required elements, required bindings, extension value types) instead of the full HL7 validator, unless they
 *     claim a profile the server holds: the EHR record types; empty: all in full
 * @param profileDirectory an extra folder of conformance resources (JSON) loaded beside the built-in package
 * @param packages FHIR NPM packages (.tgz, e.g. US Core) loaded from local paths; nothing is downloaded
 */
@ConfigurationProperties("continuum.conformance")
public record ConformanceProperties(
        ValidationMode validationMode,
        CoordinationRules coordinationRules,
        Set<String> baseRulesTypes,
        Path profileDirectory,
        List<Path> packages) {

    public enum ValidationMode {
        ENFORCE,
        WARN,
        OFF
    }

    public enum CoordinationRules {
        FLAG,
        ENFORCE,
        OFF
    }

    public ConformanceProperties {
        baseRulesTypes = baseRulesTypes == null ? Set.of() : Set.copyOf(baseRulesTypes);
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
