package health.continuum.bench.server;

import health.continuum.bench.BenchException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Samples a process's RSS every 0.5 s into a file (kB, one a line) and keeps the peak. */
public final class RssSampler implements AutoCloseable {

    private static final long INTERVAL_MS = 500;

    private final long pid;
    private final Writer samples;
    private final Thread thread;
    private volatile long peakKb;

    public RssSampler(long pid, Path file) {
        this.pid = pid;
        try {
            this.samples = Files.newBufferedWriter(file);
        } catch (IOException e) {
            throw new BenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
        this.thread = new Thread(this::sample, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                OptionalLong rss = ProcessMetrics.rssKb(pid);
                if (rss.isEmpty()) {
                    return;
                }
                peakKb = Math.max(peakKb, rss.getAsLong());
                samples.write(rss.getAsLong() + "\n");
                Thread.sleep(INTERVAL_MS);
            }
        } catch (IOException | InterruptedException e) {
            // stopped: close() interrupts the sleep, and a missing sample file only loses the record
        }
    }

    public long peakKb() {
        return peakKb;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
            samples.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new BenchException("cannot write the RSS samples: " + e.getMessage(), e);
        }
    }
}
