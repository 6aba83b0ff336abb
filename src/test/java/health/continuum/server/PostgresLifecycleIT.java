package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.support.DatabaseAvailableCondition;
import health.continuum.support.ServerProcess;
import health.continuum.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged server on PostgreSQL: creates its schema on an empty database, starts again on the same
 * database with the data intact, and reports not-ready when its database goes away.
 */
@ExtendWith(DatabaseAvailableCondition.class)
class PostgresLifecycleIT {

    @Test
    void createsSchemaThenRestartsOnItThenReportsNotReadyWithoutDatabase() throws Exception {
        String url = TestDatabase.newPostgresDatabase();
        String[] properties = {
            "spring.datasource.url=" + url,
            "spring.datasource.username=" + TestDatabase.username(),
            "spring.datasource.password=" + TestDatabase.password()
        };

        String patientId;
        try (ServerProcess first = ServerProcess.start("postgres-first-start", properties)) {
            HttpResponse<String> created = first.post("/fhir/Patient",
                    "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Restart\"}]}");
            assertThat(created.statusCode()).isEqualTo(201);
            patientId = created.headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*/fhir/Patient/([^/]+)/.*", "$1");
        }

        try (ServerProcess second = ServerProcess.start("postgres-second-start", properties)) {
            HttpResponse<String> read = second.get("/fhir/Patient/" + patientId);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("Restart");
            assertThat(second.status("/actuator/health/readiness")).isEqualTo(200);

            TestDatabase.drop(url);

            assertThat(awaitStatus(second, "/actuator/health/readiness", 503, Duration.ofSeconds(60)))
                    .as("readiness once the database is gone").isEqualTo(503);
            assertThat(second.status("/actuator/health/liveness")).as("the process itself is alive").isEqualTo(200);
        }
    }

    private static int awaitStatus(ServerProcess server, String path, int wanted, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int status = server.status(path);
        while (status != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            status = server.status(path);
        }
        return status;
    }
}
