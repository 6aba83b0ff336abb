package health.continuum.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/backup}: an online backup of the embedded H2 database, taken while the server serves
 * (H2's BACKUP TO, a consistent copy as of one moment) into {@code continuum.server.backup-directory}. Off unless
 * the operator turns it on (application.yaml); PostgreSQL is backed up with pg_dump instead (README).
 */
@Component
@Endpoint(id = "backup")
public class DatabaseBackupEndpoint {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final boolean embeddedFileDatabase;
    private final Path directory;

    public DatabaseBackupEndpoint(DataSource dataSource, DataSourceProperties database, FhirServerProperties properties) {
        this.dataSource = dataSource;
        this.embeddedFileDatabase = database.determineUrl().startsWith("jdbc:h2:file:");
        this.directory = properties.backupDirectory();
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> backup() throws IOException, SQLException {
        if (!embeddedFileDatabase) {
            return new WebEndpointResponse<>(Map.of("error",
                    "Online backup is for the embedded H2 file database; back up PostgreSQL with pg_dump"), 409);
        }
        Files.createDirectories(directory);
        Path file = directory.resolve("continuum-" + STAMP.format(Instant.now()) + ".zip").toAbsolutePath();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        }
        return new WebEndpointResponse<>(Map.of("file", file.toString(), "bytes", Files.size(file)), 200);
    }
}
