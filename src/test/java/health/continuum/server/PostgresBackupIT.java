package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.support.DatabaseAvailableCondition;
import health.continuum.support.ServerProcess;
import health.continuum.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's PostgreSQL procedure, end to end: pg_dump -Fc of the running server's database, pg_restore into an
 * empty one, the server started on the copy: what was written before the dump is there, what came after is not.
 */
@ExtendWith(DatabaseAvailableCondition.class)
class PostgresBackupIT {

    @Test
    void pgDumpAndPgRestoreGiveTheDatabaseAsItWasAtTheDump() throws Exception {
        String source = TestDatabase.newPostgresDatabase();
        String restored = TestDatabase.newPostgresDatabase();
        Path dump = Files.createTempFile("continuum", ".dump");
        try {
            String before;
            String after;
            try (ServerProcess server = ServerProcess.start("postgres-backup-source", properties(source))) {
                before = created(server.post("/fhir/Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"BeforeDump\"}]}"));
                run(List.of("pg_dump", "-Fc", "-f", dump.toString()), source);
                after = created(server.post("/fhir/Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"AfterDump\"}]}"));
            }
            run(List.of("pg_restore", "--no-owner", "-d"), restored, dump.toString());

            try (ServerProcess server = ServerProcess.start("postgres-backup-restored", properties(restored))) {
                HttpResponse<String> read = server.get("/fhir/" + before);
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.body()).contains("BeforeDump");
                assertThat(server.status("/fhir/" + after)).as("written after the dump").isEqualTo(404);
                assertThat(server.get("/fhir/Patient?family:exact=AfterDump").body()).as("a search for what came after the dump").doesNotContain("\"entry\"");
            }
        } finally {
            Files.deleteIfExists(dump);
            TestDatabase.drop(source);
            TestDatabase.drop(restored);
        }
    }

    private static String[] properties(String url) {
        return new String[] {"spring.datasource.url=" + url, "spring.datasource.username=" + TestDatabase.username(),
            "spring.datasource.password=" + TestDatabase.password()};
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ServerProcess.resourceOf(response.headers().firstValue("Location").orElseThrow());
    }

    /** Runs a PostgreSQL client tool against the database of a JDBC URL, as the README's commands do. */
    private static void run(List<String> tool, String jdbcUrl, String... after) throws Exception {
        URI database = URI.create(jdbcUrl.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of(database.getPath().substring(1), "-h", database.getHost(),
                "-p", String.valueOf(database.getPort()), "-U", TestDatabase.username()));
        command.addAll(List.of(after));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", TestDatabase.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
