package health.continuum.medication;

/** Dose, route and frequency as the source wrote them (e.g. "20 mg", "oral", "once daily"); any part may be null. */
public record Dosage(String dose, String route, String frequency) {

    public static final Dosage UNSPECIFIED = new Dosage(null, null, null);
}
