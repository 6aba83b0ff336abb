package health.continuum.server;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import health.continuum.support.FhirServerIT;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import org.junit.jupiter.api.Test;

class MetadataIT extends FhirServerIT {

    /** The version comes from the pom (failsafe passes it), so a build that loses it fails here. */
    @Test
    void capabilityStatementInJsonNamesContinuumItsVersionAndR4() {
        fhir().get("/metadata").then()
                .statusCode(200)
                .contentType(containsFhirJson())
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("software.name", equalTo("Continuum"))
                .body("software.version", equalTo(System.getProperty("continuum.test.project-version")))
                .body("rest[0].resource.type", hasItems("CarePlan", "CareTeam", "MedicationStatement", "Task"));
    }

    /**
     * Uncompressed, the JSON goes through the servlet writer, whose flushes the server leaves to the container's
     * buffer (WriterFlushedOnClose): all of it must still arrive, to its last resource type.
     */
    @Test
    void uncompressedJsonCapabilityStatementArrivesWhole() {
        fhir().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/metadata").then()
                .statusCode(200)
                .header("Content-Encoding", org.hamcrest.Matchers.nullValue())
                .body("software.name", equalTo("Continuum"))
                .body("rest[0].resource.size()", equalTo(146))
                .body("rest[0].resource[-1].type", equalTo("VisionPrescription"));
    }

    @Test
    void capabilityStatementInXml() {
        RestAssured.given().accept(FHIR_XML).get("/metadata").then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("xml"))
                .body("CapabilityStatement.software.name.@value", equalTo("Continuum"))
                .body("CapabilityStatement.fhirVersion.@value", equalTo("4.0.1"));
    }

    private static org.hamcrest.Matcher<String> containsFhirJson() {
        return org.hamcrest.Matchers.containsString("json");
    }
}
