package health.continuum.bench.workload;

import java.nio.file.Path;

/** A prepared workload's way of sending load: wrk with a request, or a loop of the harness's own. */
public interface Load {

    /** The concurrent connections it uses, recorded with its figures. */
    int connections();

    /**
     * Sends load for the given seconds and returns what it measured.
     *
     * @param output where the load tool's own output goes, kept with the run's results
     */
    LoadResult run(int seconds, Path output) throws InterruptedException;
}
