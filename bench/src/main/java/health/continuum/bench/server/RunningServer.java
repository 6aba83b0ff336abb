package health.continuum.bench.server;

import health.continuum.bench.Cleanup;
import health.continuum.bench.Log;
import health.continuum.bench.fhir.FhirClient;
import health.continuum.bench.report.StartupRow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A server the harness started; closing it stops it: SIGTERM, and SIGKILL if it is still up 30 s later. */
public final class RunningServer implements AutoCloseable {

    private static final long STOP_LIMIT_S = 30;

    private final Process process;
    private final FhirClient fhir;
    private final Path log;
    private StartupRow startup;

    RunningServer(Process process, FhirClient fhir, Path log) {
        this.process = process;
        this.fhir = fhir;
        this.log = log;
        Cleanup.opened(this);
    }

    public long pid() {
        return process.pid();
    }

    public FhirClient fhir() {
        return fhir;
    }

    public Path log() {
        return log;
    }

    /** How the start went, as the start-up table reports it. */
    public StartupRow startup() {
        return startup;
    }

    void startedAs(StartupRow row) {
        startup = row;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public synchronized void close() {
        Cleanup.closed(this);
        try {
            process.destroy();
            if (!process.waitFor(STOP_LIMIT_S, TimeUnit.SECONDS)) {
                Log.info("server " + process.pid() + " ignored SIGTERM; killing it");
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "server " + process.pid();
    }
}
