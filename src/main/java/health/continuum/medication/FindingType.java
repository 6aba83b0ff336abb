package health.continuum.medication;

import java.util.Optional;

/** What a finding is about, with its HL7 v3 ActCode for DetectedIssue.code where one exists. */
public enum FindingType {
    INTERACTION("DRG"),
    DUPLICATE_THERAPY("DUPTHPY"),
    UNIDENTIFIED(null),
    /** A card of a site's own knowledge service (CDS Hooks). */
    EXTERNAL(null),
    /** The site's knowledge service did not answer: the medication was not checked by it. */
    EXTERNAL_UNAVAILABLE(null);

    private final String actCode;

    FindingType(String actCode) {
        this.actCode = actCode;
    }

    public Optional<String> actCode() {
        return Optional.ofNullable(actCode);
    }
}
