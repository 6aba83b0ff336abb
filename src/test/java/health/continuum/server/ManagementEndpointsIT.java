package health.continuum.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.FhirServerIT;
import org.junit.jupiter.api.Test;

class ManagementEndpointsIT extends FhirServerIT {

    @Test
    void livenessAndReadinessAreUp() {
        given().basePath("/").get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
        given().basePath("/").get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusScrapeIncludesJvmAndHttpMetrics() {
        fhir().get("/metadata").then().statusCode(200);
        given().basePath("/").get("/actuator/prometheus").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("hikaricp_connections"));
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        given().get("/api-docs").then()
                .statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("openapi: 3."))
                .body(containsString("/CarePlan:"));
        given().accept("text/html").get("/swagger-ui/").then()
                .statusCode(200)
                .body(containsString("swagger"));
    }

    /** springdoc arrives with HAPI JPA and would describe the actuator's controllers beside the FHIR API. */
    @Test
    void noSecondApiDescriptionOutsideFhir() {
        given().basePath("/").get("/v3/api-docs").then().statusCode(404);
        given().basePath("/").redirects().follow(false).get("/swagger-ui.html").then().statusCode(404);
    }
}
