package health.continuum.bench.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BundlesTest {

    private static JsonNode json(String text) throws IOException {
        return FhirClient.JSON.readTree(text);
    }

    @Test
    void aPatientBundleNamesItsPatientByTheFirstIdentifier() throws IOException {
        JsonNode bundle = json("""
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"resource":{"resourceType":"Organization","identifier":[{"system":"urn:org","value":"o1"}]}},
                 {"resource":{"resourceType":"Patient","identifier":[
                   {"system":"https://github.com/synthetichealth/synthea","value":"a1b2"},
                   {"system":"urn:ssn","value":"999"}]}},
                 {"resource":{"resourceType":"Encounter"}}]}""");
        assertEquals(3, Bundles.entryCount(bundle));
        assertEquals(Optional.of("https://github.com/synthetichealth/synthea|a1b2"), Bundles.patientIdentifier(bundle));
    }

    @Test
    void aBundleWithoutAnIdentifiedPatientNamesNone() throws IOException {
        assertEquals(Optional.empty(), Bundles.patientIdentifier(json("""
                {"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient"}},
                 {"resource":{"resourceType":"Practitioner","identifier":[{"value":"p"}]}}]}""")));
        assertEquals(0, Bundles.entryCount(json("{\"resourceType\":\"Bundle\"}")));
    }

    @Test
    void failedEntriesAreThoseWithoutA2xxStatus() throws IOException {
        JsonNode batchResponse = json("""
                {"resourceType":"Bundle","type":"batch-response","entry":[
                 {"response":{"status":"201 Created"}},
                 {"response":{"status":"200 OK"}},
                 {"response":{"status":"400 Bad Request","outcome":{"resourceType":"OperationOutcome"}}},
                 {"response":{"status":"422 Unprocessable Entity"}},
                 {"response":{}}]}""");
        assertEquals(3, Bundles.failedEntries(batchResponse));
        assertEquals(0, Bundles.failedEntries(json("""
                {"resourceType":"Bundle","type":"transaction-response","entry":[
                 {"response":{"status":"201 Created"}},{"response":{"status":"200"}}]}""")));
    }

    @Test
    void idsOfASearchset() throws IOException {
        assertEquals(List.of("12", "ab"), Bundles.ids(json("""
                {"resourceType":"Bundle","type":"searchset","entry":[
                 {"resource":{"resourceType":"Patient","id":"12"}},{"resource":{"resourceType":"Patient","id":"ab"}}]}""")));
        assertEquals(List.of(), Bundles.ids(json("{\"resourceType\":\"Bundle\",\"total\":0}")));
    }
}
