package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.support.DatabaseAvailableCondition;
import health.continuum.support.ServerProcess;
import health.continuum.support.TcpProxy;
import health.continuum.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged server on PostgreSQL, with the line to the database cut while it runs and then restored: reads,
 * searches and writes answer 503 with Retry-After and a plain-words transient OperationOutcome within the pool's
 * 3 s, readiness reports DOWN, and the server serves again once the database is back, without a restart.
 */
@ExtendWith(DatabaseAvailableCondition.class)
class PostgresOutageIT {

    // The pool's connection timeout (3 s, application.yaml) plus what a loaded 2-core machine adds to a request
    private static final Duration ANSWERED_WITHIN = Duration.ofMillis(4500);

    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Outage\"}]}";

    @Test
    void aCutDatabaseGivesFast503sAndTheServerRecoversByItself() throws Exception {
        String url = TestDatabase.newPostgresDatabase();
        URI database = URI.create(url.substring("jdbc:".length()));
        try (TcpProxy line = new TcpProxy(database.getHost(), database.getPort());
             ServerProcess server = ServerProcess.start("postgres-outage",
                     "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + line.port() + database.getPath(),
                     "spring.datasource.username=" + TestDatabase.username(),
                     "spring.datasource.password=" + TestDatabase.password())) {
            HttpResponse<String> created = server.post("/fhir/Patient", PATIENT);
            assertThat(created.statusCode()).isEqualTo(201);
            String patient = created.headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*/fhir/(Patient/[^/]+)/.*", "$1");

            line.cut();

            assertFast503(() -> server.get("/fhir/" + patient));
            assertFast503(() -> server.get("/fhir/Patient?family=Outage"));
            assertFast503(() -> server.post("/fhir/Patient", PATIENT));
            assertThat(server.status("/actuator/health/readiness")).as("readiness without the database").isEqualTo(503);

            line.restore();

            assertThat(await(() -> server.post("/fhir/Patient", PATIENT).statusCode(), 201))
                    .as("a write once the database is back").isEqualTo(201);
            HttpResponse<String> read = server.get("/fhir/" + patient);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("Outage");
            assertThat(await(() -> server.status("/actuator/health/readiness"), 200)).isEqualTo(200);
        } finally {
            TestDatabase.drop(url);
        }
    }

    private static void assertFast503(Callable<HttpResponse<String>> request) throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> response = request.call();
        Duration took = Duration.between(start, Instant.now());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(took).as("answered within").isLessThan(ANSWERED_WITHIN);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body())
                .contains("\"resourceType\":\"OperationOutcome\"", "\"code\":\"transient\"", "database")
                .doesNotContain("Exception", "org.", "java.", "HAPI-", "SQL");
    }

    private static int await(Callable<Integer> status, int wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int last = status.call();
        while (last != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            last = status.call();
        }
        return last;
    }
}
