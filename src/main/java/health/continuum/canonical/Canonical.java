package health.continuum.canonical;

/** The canonical base of everything Continuum defines: profiles, extensions, code systems, identifier systems. */
public final class Canonical {

    /** The {@code canonical} of the conformance package (fhir-profiles/package.json); every Continuum URL starts so. */
    public static final String BASE = "https://continuum.health/fhir";

    private Canonical() {}
}
