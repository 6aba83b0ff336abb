package health.continuum.bench.server;

import health.continuum.bench.BenchException;
import health.continuum.bench.Checks;
import health.continuum.bench.Commands;
import health.continuum.bench.Database;
import health.continuum.bench.Layout;
import health.continuum.bench.Log;
import health.continuum.bench.fhir.FhirClient;
import health.continuum.bench.report.Decimals;
import health.continuum.bench.report.StartupRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts the server as the Docker image runs it, on 127.0.0.1 only, and times its start. */
public final class ServerLauncher {

    public static final String HOST = "127.0.0.1";
    // ~15-40 s on an idle 2-core machine; far longer when other work shares the cores.
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(600);
    private static final Duration READINESS_LIMIT = Duration.ofSeconds(120);
    private static final long POLL_MS = 250;

    private final Layout layout;
    private final List<String> javaOptions;
    private final Path runDir;

    /** @param javaOptions JAVA_OPTS, passed to the server JVM */
    public ServerLauncher(Layout layout, List<String> javaOptions, Path runDir) {
        this.layout = layout;
        this.javaOptions = javaOptions;
        this.runDir = runDir;
    }

    /**
     * Starts a server on the database and waits until it reports ready.
     *
     * @param properties server arguments beyond the port and the database, e.g. those of a checks-off pass
     * @param state "empty" or "existing", as the start-up table labels the database
     */
    public RunningServer start(Database db, Checks checks, PassDatabase database, List<String> properties,
            String state) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "@" + layout.runtimeDir().resolve("jvm.options")));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", layout.runtimeDir().resolve("continuum.jar").toString()));
        command.add("--server.port=" + port);
        command.addAll(database.serverProperties());
        command.addAll(properties);
        Path log = runDir.resolve("server-" + db.label() + "-" + checks.label() + "-" + state + ".log");
        BigDecimal load = ProcessMetrics.loadAverage();
        long started = System.nanoTime();
        Process process = Commands.start(new ProcessBuilder(command)
                .directory(database.workDir().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()));
        RunningServer server = new RunningServer(process, new FhirClient("http://" + HOST + ":" + port + "/fhir"), log);
        try {
            awaitMetadata(server);
            long readyNanos = System.nanoTime() - started;
            long rssMb = Decimals.megabytes(ProcessMetrics.rssKb(server.pid()).orElse(0));
            BigDecimal cpu = ProcessMetrics.cpuSeconds(process.toHandle());
            BigDecimal seconds = Decimals.quotient(readyNanos, 1e9, 1);
            server.startedAs(new StartupRow(db.label(), checks.label(), state, seconds, rssMb, cpu, load));
            Log.info(db.label() + "/checks " + checks.label() + ", " + state + " database: first 200 on /fhir/metadata"
                    + " after " + seconds + " s, RSS " + rssMb + " MB, CPU " + (cpu == null ? "–" : cpu) + " s");
            awaitReadiness(server, port);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    // The first /metadata builds the capability statement, which takes seconds on a busy machine.
    private static void awaitMetadata(RunningServer server) {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                printTail(server.log());
                throw new BenchException("server exited during start-up; see " + server.log());
            }
            if (FhirClient.statusOf(server.fhir().base() + "/metadata", Duration.ofSeconds(60)) == 200) {
                return;
            }
            pause();
        }
        throw new BenchException("no 200 on /fhir/metadata within " + STARTUP_LIMIT.toSeconds() + " s; see "
                + server.log());
    }

    private static void awaitReadiness(RunningServer server, int port) {
        long deadline = System.nanoTime() + READINESS_LIMIT.toNanos();
        String url = "http://" + HOST + ":" + port + "/actuator/health/readiness";
        while (System.nanoTime() < deadline) {
            if (FhirClient.statusOf(url, Duration.ofSeconds(10)) == 200) {
                return;
            }
            pause();
        }
        throw new BenchException("not ready within " + READINESS_LIMIT.toSeconds()
                + " s after /fhir/metadata answered; see " + server.log());
    }

    /** The JVM the harness runs on, which bench/run.sh found as java on PATH. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BenchException("no free port on " + HOST + ": " + e.getMessage(), e);
        }
    }

    private static void printTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.err::println);
        } catch (IOException e) {
            Log.info("cannot read " + log + ": " + e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while waiting for the server", e);
        }
    }
}
