package health.continuum.medication;

import health.continuum.canonical.Canonical;

import static health.continuum.support.CoordinationFixtures.RXNORM;

/** JSON of the medication resources the integration tests write, beside {@link health.continuum.support.CoordinationFixtures}. */
final class MedicationFixtures {

    private MedicationFixtures() {}

    /** A MedicationRequest (validated against base R4 only) for an RxNorm ingredient, with a dose text. */
    static String medicationRequest(String patient, String rxcui, String name, String status, String dose) {
        return """
                {"resourceType":"MedicationRequest","status":"%s","intent":"order","subject":{"reference":"%s"},
                 "medicationCodeableConcept":{"coding":[{"system":"%s","code":"%s","display":"%s"}],"text":"%s"},
                 "dosageInstruction":[{"text":"%s"}]}"""
                .formatted(status, patient, RXNORM, rxcui, name, name, dose);
    }

    /** An order of the encounter, for reconciliation. */
    static String encounterOrder(String patient, String encounter, String rxcui, String name, String status, String dose) {
        return medicationRequest(patient, rxcui, name, status, dose)
                .replace("\"intent\":\"order\",", "\"intent\":\"order\",\"encounter\":{\"reference\":\"" + encounter + "\"},");
    }

    /** A MedicationRequest identified by free text alone. */
    static String medicationRequestByText(String patient, String text) {
        return """
                {"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"%s"},
                 "medicationCodeableConcept":{"text":"%s"}}"""
                .formatted(patient, text);
    }

    static String encounter(String patient) {
        return """
                {"resourceType":"Encounter","status":"in-progress",
                 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
                 "subject":{"reference":"%s"}}""".formatted(patient);
    }

    /** The same resource JSON with its id, for a PUT. */
    static String withId(String json, String reference) {
        String type = reference.substring(0, reference.indexOf('/'));
        return json.replaceFirst("\\{\"resourceType\":\"" + type + "\",",
                "{\"resourceType\":\"" + type + "\",\"id\":\"" + reference.substring(reference.indexOf('/') + 1) + "\",");
    }

    static String withOverride(String json, String reason) {
        return json.replaceFirst("\\{\"resourceType\":\"(\\w+)\",", "{\"resourceType\":\"$1\",\"extension\":[{\"url\":\""
                + Canonical.INTERACTION_OVERRIDE_EXTENSION + "\",\"valueString\":\"" + reason + "\"}],");
    }
}
