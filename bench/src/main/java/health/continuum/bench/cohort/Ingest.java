package health.continuum.bench.cohort;

import health.continuum.bench.BenchException;
import health.continuum.bench.Checks;
import health.continuum.bench.Database;
import health.continuum.bench.Log;
import health.continuum.bench.report.Decimals;
import health.continuum.bench.report.IngestRow;
import health.continuum.bench.server.RssSampler;
import health.continuum.bench.server.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Loads the cohort into a server: the shared bundles one by one, then the patient bundles 2 in parallel. */
public final class Ingest {

    private static final int PARALLEL_PATIENTS = 2;

    private final Cohort cohort;
    private final Path runDir;

    public Ingest(Cohort cohort, Path runDir) {
        this.cohort = cohort;
        this.runDir = runDir;
    }

    public IngestRow load(RunningServer server, Database db, Checks checks) throws InterruptedException {
        String pass = db.label() + "-" + checks.label();
        Path responses = runDir.resolve("responses-" + pass);
        Path outcomes = runDir.resolve("ingest-" + pass + ".tsv");
        List<BundlePost> posts = new ArrayList<>();
        long elapsedNanos;
        RssSampler sampler = new RssSampler(server.pid(), runDir.resolve("rss-ingest-" + pass + ".txt"));
        try {
            long started = System.nanoTime();
            for (CohortBundle bundle : cohort.shared()) {
                BundlePost post = record(BundlePost.send(server.fhir(), bundle, responses), outcomes);
                if (!post.ok()) {
                    throw new BenchException(post.line() + "; patient bundles depend on it");
                }
                posts.add(post);
            }
            posts.addAll(postPatients(server, responses, outcomes));
            elapsedNanos = System.nanoTime() - started;
        } finally {
            sampler.close();
        }
        List<BundlePost> failed = posts.stream().filter(post -> !post.ok()).toList();
        if (!failed.isEmpty()) {
            Log.info("warning: " + failed.size() + " patient bundles failed:");
            failed.forEach(post -> System.err.println(post.line()));
            if (failed.size() >= cohort.patients().size()) {
                throw new BenchException("every patient bundle failed; nothing to benchmark");
            }
        }
        long resources = posts.stream().filter(BundlePost::ok).mapToLong(post -> post.bundle().entries()).sum();
        BigDecimal seconds = Decimals.quotient(elapsedNanos, 1e9, 1);
        BigDecimal rate = Decimals.quotient(resources * 1e9, elapsedNanos, 1);
        long peakMb = Decimals.megabytes(sampler.peakKb());
        Log.info(db.label() + "/checks " + checks.label() + ": ingested " + resources + " resources in " + seconds
                + " s (" + rate + "/s), peak RSS " + peakMb + " MB");
        return new IngestRow(db.label(), checks.label(), posts.size(), failed.size(), resources, seconds, rate, peakMb);
    }

    private List<BundlePost> postPatients(RunningServer server, Path responses, Path outcomes)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_PATIENTS);
        try {
            List<Future<BundlePost>> pending = new ArrayList<>();
            for (CohortBundle bundle : cohort.patients()) {
                pending.add(pool.submit(() -> record(BundlePost.send(server.fhir(), bundle, responses), outcomes)));
            }
            List<BundlePost> posts = new ArrayList<>();
            for (Future<BundlePost> post : pending) {
                posts.add(post.get());
            }
            return posts;
        } catch (ExecutionException e) {
            throw new BenchException("posting a patient bundle failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static synchronized BundlePost record(BundlePost post, Path outcomes) {
        try {
            Files.writeString(outcomes, post.line() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return post;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
