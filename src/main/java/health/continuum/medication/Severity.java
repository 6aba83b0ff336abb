package health.continuum.medication;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Finding severity, with the codes of FHIR R4 DetectedIssue.severity. */
public enum Severity {
    HIGH, MODERATE, LOW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromCode(String code) {
        return Arrays.stream(values()).filter(severity -> severity.code().equals(code)).findFirst();
    }
}
