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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The packaged server stopped with SIGTERM while a large transaction is in progress and clients keep writing: the
 * transaction finishes and is stored whole, no request gets a 500, a request refused during the stop gets 503 with
 * Retry-After, and every write answered 2xx is there after a restart on the same embedded database.
 */
class EmbeddedShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Large enough to take well over the pause before SIGTERM on any machine: each entry is validated and indexed
    private static final int TRANSACTION_ENTRIES = 400;

    @Test
    void requestsInProgressFinishAndNewOnesAreRefusedWith503() throws Exception {
        Path workingDirectory = Files.createTempDirectory("continuum-shutdown");
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<HttpResponse<String>> refused = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(3);

        ServerProcess server = ServerProcess.start("shutdown-first-start", workingDirectory);
        CompletableFuture<HttpResponse<String>> inProgress = CompletableFuture.supplyAsync(() -> {
            try {
                return server.post("/fhir", largeTransaction());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("the transaction in progress got no answer: " + e, e);
            }
        }, clients);
        for (int writer = 0; writer < 2; writer++) {
            int number = writer;
            clients.submit(() -> write(server, number, writing, acknowledged, refused));
        }
        Thread.sleep(300);
        int exitCode = server.stop();
        writing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> transaction = inProgress.get(10, TimeUnit.SECONDS);
        assertThat(transaction.statusCode()).as("the transaction in progress at SIGTERM: %s", transaction.body())
                .isEqualTo(200);
        List<String> transactionResources = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(transaction.body()).path("entry")) {
            transactionResources.add(resourceOf(entry.path("response").path("location").asText()));
        }
        assertThat(transactionResources).hasSize(TRANSACTION_ENTRIES);
        // The JVM exits on SIGTERM with 128 + 15 after its shutdown hooks (the graceful stop) have run
        assertThat(exitCode).as("exit code after SIGTERM").isEqualTo(143);
        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).as("a write during the stop: %s", response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains("\"code\":\"transient\"").contains("shutting down");
        }

        List<String> missing = new ArrayList<>();
        try (ServerProcess restarted = ServerProcess.start("shutdown-second-start", workingDirectory)) {
            for (String resource : concat(acknowledged, transactionResources)) {
                if (restarted.status("/fhir/" + resource) != 200) {
                    missing.add(resource);
                }
            }
        }
        assertThat(missing).as("acknowledged resources missing after SIGTERM and restart").isEmpty();
    }

    /** Creates Patients until the server stops answering; keeps every 201 and every other answer apart. */
    private static void write(ServerProcess server, int writer, AtomicBoolean writing, Queue<String> acknowledged,
            Queue<HttpResponse<String>> refused) {
        for (int i = 0; writing.get(); i++) {
            try {
                HttpResponse<String> created = server.post("/fhir/Patient",
                        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Stop" + writer + "-" + i + "\"}]}");
                if (created.statusCode() == 201) {
                    acknowledged.add(resourceOf(created.headers().firstValue("Location").orElseThrow()));
                } else {
                    refused.add(created);
                }
            } catch (IOException stopped) {
                // once the server no longer accepts connections
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String largeTransaction() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < TRANSACTION_ENTRIES; i++) {
            entries.append(i == 0 ? "" : ",").append("""
                    {"resource":{"resourceType":"Observation","status":"final","code":{"text":"shutdown test %d"}},
                     "request":{"method":"POST","url":"Observation"}}""".formatted(i));
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
    }

    private static List<String> concat(Queue<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
