package health.continuum.bench.run;

import health.continuum.bench.Layout;
import health.continuum.bench.Log;
import health.continuum.bench.Options;
import health.continuum.bench.report.Chart;
import health.continuum.bench.report.Results;
import health.continuum.bench.report.ResultsJson;
import health.continuum.bench.report.ResultsLog;
import health.continuum.bench.report.RunMeta;
import health.continuum.bench.report.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a finished run's results.json, summary.md and chart, and appends its summary to RESULTS.md. */
final class Publisher {

    private Publisher() {}

    static void publish(Layout layout, Options options, Path runDir, RunMeta meta, Results results)
            throws IOException {
        ResultsJson.write(runDir.resolve("results.json"), meta, results);
        String summary = Summary.render(meta, results);
        Files.writeString(runDir.resolve("summary.md"), summary);
        ResultsLog.append(layout.resultsLog(), summary);
        String chartNote = "";
        if (!options.startupOnly()) {
            Path chart = runDir.resolve("workloads.png");
            Chart.write(results.workloads().rows(), "Continuum workloads, checks on vs off, --compare "
                    + options.compare().label() + " (" + meta.date() + ")", chart);
            // Only full runs represent the server; the chart of a smoke run or of some workloads stays in the run.
            if (options.complete()) {
                Files.copy(chart, layout.latestChart(), StandardCopyOption.REPLACE_EXISTING);
            }
            chartNote = ", chart " + layout.show(chart);
        }
        System.out.print(summary);
        System.out.flush();
        Log.info("done in " + meta.elapsed() + "; raw results in " + layout.show(runDir) + chartNote);
    }
}
