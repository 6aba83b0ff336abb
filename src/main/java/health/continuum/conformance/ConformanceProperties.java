package health.continuum.conformance;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conformance settings ({@code continuum.conformance.*}); defaults live in application.yaml.
 *
 * @param validationMode enforce: a write that breaks its profile is rejected with 422; warn: it is stored and the
 *     findings are reported; off: no validation on write
 * @param validateCoordinationResources validate every CarePlan, CareTeam, Task and MedicationStatement against the
 *     Continuum profile of its type, whether or not it claims it in meta.profile
 * @param profileDirectory an extra folder of conformance resources (JSON) loaded beside the built-in package
 * @param packages FHIR NPM packages (.tgz, e.g. US Core) loaded from local paths; nothing is downloaded
 */
@ConfigurationProperties("continuum.conformance")
public record ConformanceProperties(
        ValidationMode validationMode,
        boolean validateCoordinationResources,
        Path profileDirectory,
        List<Path> packages) {

    public enum ValidationMode {
        ENFORCE,
        WARN,
        OFF
    }

    public ConformanceProperties {
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
