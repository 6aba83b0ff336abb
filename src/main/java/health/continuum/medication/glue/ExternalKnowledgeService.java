package health.continuum.medication.glue;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.continuum.medication.ExternalCards;
import health.continuum.medication.ExternalCards.Card;
import health.continuum.medication.Finding;
import health.continuum.medication.glue.MedicationProperties.ExternalService;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a site's CDS Hooks service about an order being written (CDS Hooks 2.0 order-sign or order-select: the order
 * as context.draftOrders, the patient's other current medications in prefetch), and turns its cards into findings.
 * Whatever goes wrong (no answer in time, an error status, an unreadable answer) is a finding as well, never a
 * rejected write and never a silent pass.
 */
public class ExternalKnowledgeService {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalKnowledgeService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExternalService settings;
    private final FhirContext fhirContext;
    private final HttpClient http;

    public ExternalKnowledgeService(ExternalService settings, FhirContext fhirContext) {
        this.settings = settings;
        this.fhirContext = fhirContext;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    boolean configured() {
        return settings.configured();
    }

    /** The service's findings about {@code order}; {@code current} are the patient's other current medications. */
    List<Finding> check(MedicationRequest order, String patient, List<FhirMedication> current) {
        String written = order.getIdElement().toUnqualifiedVersionless().getValue();
        String service = settings.url().toString();
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(settings.url())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CdsHooksRequest.body(settings.hook(), order, patient, current, fhirContext)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return unavailable(written, service, "gave no answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return unavailable(written, service, "could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(written, service, "was not asked: the write was interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            return unavailable(written, service, "answered HTTP " + response.statusCode());
        }
        try {
            return ExternalCards.findings(written, service, cards(JSON.readTree(response.body())));
        } catch (IOException | IllegalArgumentException e) {
            return unavailable(written, service, "answered something other than CDS Hooks cards");
        }
    }

    private List<Finding> unavailable(String written, String service, String why) {
        LOG.warn("External medication check of {}: {} {}", written, service, why);
        return List.of(ExternalCards.unavailable(written, service, why));
    }

    private static List<Card> cards(JsonNode answer) {
        JsonNode cards = answer.get("cards");
        if (cards == null || !cards.isArray()) {
            throw new IllegalArgumentException("no cards array");
        }
        List<Card> read = new ArrayList<>();
        for (JsonNode card : cards) {
            JsonNode source = card.path("source");
            if (text(card, "summary") == null) {
                throw new IllegalArgumentException("a card without summary");
            }
            read.add(new Card(text(card, "summary"), text(card, "indicator"), text(card, "detail"),
                    text(source, "label"), text(source, "url")));
        }
        return read;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
