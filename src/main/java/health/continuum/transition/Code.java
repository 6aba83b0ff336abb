package health.continuum.transition;

import java.util.Objects;

/** A code and the system that defines it, as in a FHIR Coding. */
public record Code(String system, String code) {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED_CT = "http://snomed.info/sct";
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String ICD_10 = "http://hl7.org/fhir/sid/icd-10";

    public Code {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
    }

    public static Code loinc(String code) {
        return new Code(LOINC, code);
    }

    public static Code snomed(String code) {
        return new Code(SNOMED_CT, code);
    }

    @Override
    public String toString() {
        return system + "|" + code;
    }
}
