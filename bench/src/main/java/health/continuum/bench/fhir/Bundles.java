package health.continuum.bench.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the harness reads from bundles: cohort files, batch/transaction responses and search results. */
public final class Bundles {

    private Bundles() {}

    public static int entryCount(JsonNode bundle) {
        return bundle.path("entry").size();
    }

    /**
     * The bundle's Patient as an identifier search token, system|value. Synthea's first identifier is its own
     * stable id of the person; searching it finds the id the server gave the Patient.
     */
    public static Optional<String> patientIdentifier(JsonNode bundle) {
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            JsonNode identifier = resource.path("identifier").path(0);
            if (resource.path("resourceType").asText().equals("Patient") && !identifier.isMissingNode()) {
                return Optional.of(identifier.path("system").asText("") + "|" + identifier.path("value").asText(""));
            }
        }
        return Optional.empty();
    }

    /** Entries of a batch/transaction response whose status is not 2xx: a batch answers 200 when some fail. */
    public static int failedEntries(JsonNode response) {
        int failed = 0;
        for (JsonNode entry : response.path("entry")) {
            if (!entry.path("response").path("status").asText("").startsWith("2")) {
                failed++;
            }
        }
        return failed;
    }

    /** The resource ids of a searchset, in its order. */
    public static List<String> ids(JsonNode searchset) {
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : searchset.path("entry")) {
            ids.add(entry.path("resource").path("id").asText());
        }
        return ids;
    }
}
