package health.continuum.server;

import static health.continuum.support.ServerProcess.resourceOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.continuum.support.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The packaged server on its default embedded database (H2 files under ./data) killed with SIGKILL while 4 clients
 * write: after a restart on the same folder, every create and every transaction answered 2xx is there, whole.
 */
class EmbeddedCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 4;
    // Killed once this many writes are acknowledged: the writers are mid-request then, whatever the machine's speed
    private static final int WRITES_BEFORE_KILL = 60;

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        Path workingDirectory = Files.createTempDirectory("continuum-crash");
        Queue<List<String>> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);

        ServerProcess first = ServerProcess.start("crash-first-start", workingDirectory);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int writer = 0; writer < WRITERS; writer++) {
            int number = writer;
            writers.submit(() -> write(first, number, writing, acknowledged));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (acknowledged.size() < WRITES_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        first.kill();
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("writes answered before the kill").hasSizeGreaterThanOrEqualTo(WRITES_BEFORE_KILL);

        List<String> missing = new ArrayList<>();
        try (ServerProcess second = ServerProcess.start("crash-second-start", workingDirectory)) {
            for (List<String> write : acknowledged) {
                for (String resource : write) {
                    if (second.status("/fhir/" + resource) != 200) {
                        missing.add(resource);
                    }
                }
            }
        }
        assertThat(missing).as("acknowledged resources missing after kill -9 and restart, of %d writes",
                acknowledged.size()).isEmpty();
    }

    /** Alternates a create and a two-entry transaction; records what each 2xx says was stored. */
    private static void write(ServerProcess server, int writer, AtomicBoolean writing, Queue<List<String>> acknowledged) {
        for (int i = 0; writing.get(); i++) {
            try {
                if (i % 2 == 0) {
                    HttpResponse<String> created = server.post("/fhir/Patient",
                            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Crash" + writer + "-" + i + "\"}]}");
                    if (created.statusCode() == 201) {
                        acknowledged.add(List.of(resourceOf(created.headers().firstValue("Location").orElseThrow())));
                    }
                } else {
                    HttpResponse<String> transaction = server.post("/fhir", transaction(writer, i));
                    if (transaction.statusCode() == 200) {
                        List<String> stored = new ArrayList<>();
                        for (JsonNode entry : JSON.readTree(transaction.body()).path("entry")) {
                            stored.add(resourceOf(entry.path("response").path("location").asText()));
                        }
                        acknowledged.add(stored);
                    }
                }
            } catch (IOException killed) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String transaction(int writer, int i) {
        return """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Patient","name":[{"family":"Tx%2$d-%3$d"}]},
                  "request":{"method":"POST","url":"Patient"}},
                 {"resource":{"resourceType":"Observation","status":"final","code":{"text":"crash test"},
                  "subject":{"reference":"urn:uuid:%1$s"}},"request":{"method":"POST","url":"Observation"}}]}
                """.formatted(UUID.randomUUID(), writer, i);
    }
}
