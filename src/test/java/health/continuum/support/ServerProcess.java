package health.continuum.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged server jar run as a separate process, as an operator runs it. */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts target/continuum-*.jar with the given Spring properties and waits until it reports ready. */
    public static ServerProcess start(String name, String... properties) throws IOException, InterruptedException {
        return start(name, Path.of("."), properties);
    }

    /** As {@link #start(String, String...)}, in the given working directory (where H2's default ./data lives). */
    public static ServerProcess start(String name, Path workingDirectory, String... properties)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toAbsolutePath().toString(), "--server.port=" + port));
        for (String property : properties) {
            command.add("--" + property);
        }
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServerProcess server = new ServerProcess(process, port, log);
        server.awaitReady(Duration.ofMinutes(6));
        return server;
    }

    public int status(String path) throws IOException, InterruptedException {
        return get(path).statusCode();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", mediaTypeOf(path))
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        String type = mediaTypeOf(path);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type)
                .header("Accept", type)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // Actuator endpoints speak plain JSON and answer 406 to a FHIR media type.
    private static String mediaTypeOf(String path) {
        return path.startsWith("/fhir") ? "application/fhir+json" : "application/json";
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; log: " + tail());
            }
            try {
                if (status("/actuator/health/readiness") == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("server not ready within " + timeout + "; log: " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL: the process gets no chance to flush or close anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as an orchestrator stops a container; returns the exit code, or -1 if it had to be killed. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor();
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Patient/12 from a Location header or an entry's response.location (…/fhir/Patient/12/_history/1). */
    public static String resourceOf(String location) {
        return location.replaceAll("^(?:.*/fhir/)?([A-Za-z]+/[^/]+)/_history/.*$", "$1");
    }

    private static Path jar() {
        File[] jars = new File("target").listFiles(
                (dir, name) -> name.startsWith("continuum-") && name.endsWith(".jar") && !name.contains("plain"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("expected one packaged jar in target/ (run mvn verify, not mvn test)");
        }
        return jars[0].toPath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
