package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.continuum.support.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The README's backup and restore of the embedded database, end to end on the packaged server: an online backup
 * while it serves, a write after it, the data folder lost, the backup unzipped into it, and the restored server
 * holding what was stored before the backup and not what came after.
 */
class EmbeddedBackupIT {

    private static final String[] BACKUP_ON = {
        "management.endpoint.backup.access=unrestricted",
        "management.endpoints.web.exposure.include=health,backup"
    };

    @Test
    void anOnlineBackupRestoresTheDatabaseAsItWasWhenTaken() throws Exception {
        Path workingDirectory = Files.createTempDirectory("continuum-backup");
        String kept;
        String after;
        Path backup;
        try (ServerProcess server = ServerProcess.start("backup-first-start", workingDirectory, BACKUP_ON)) {
            kept = idOf(server.post("/fhir/Patient", patient("BeforeBackup")));
            HttpResponse<String> taken = server.post("/actuator/backup", "");
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
            JsonNode answer = new ObjectMapper().readTree(taken.body());
            backup = Path.of(answer.path("file").asText());
            assertThat(backup).startsWith(workingDirectory.toRealPath().resolve("backups")).isRegularFile();
            assertThat(answer.path("bytes").asLong()).isEqualTo(Files.size(backup));
            after = idOf(server.post("/fhir/Patient", patient("AfterBackup")));
        }

        FileSystemUtils.deleteRecursively(workingDirectory.resolve("data"));
        unzip(backup, Files.createDirectories(workingDirectory.resolve("data")));

        try (ServerProcess restored = ServerProcess.start("backup-restored-start", workingDirectory)) {
            HttpResponse<String> read = restored.get("/fhir/Patient/" + kept);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("BeforeBackup");
            assertThat(restored.status("/fhir/Patient/" + after)).as("written after the backup").isEqualTo(404);
            assertThat(restored.post("/actuator/backup", "").statusCode()).as("off by default").isEqualTo(404);
        }
    }

    private static String patient(String family) {
        return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}";
    }

    private static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow().replaceAll(".*/fhir/Patient/([^/]+)/.*", "$1");
    }

    /** What the README says to do: unzip the backup into the data folder (the zip holds continuum.mv.db). */
    private static void unzip(Path zip, Path directory) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                assertThat(target).startsWithRaw(directory);
                Files.copy(entries, target);
            }
        }
    }
}
