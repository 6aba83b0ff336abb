package health.continuum.bench.run;

import health.continuum.bench.Checks;
import health.continuum.bench.Database;
import health.continuum.bench.Log;
import health.continuum.bench.Options;
import health.continuum.bench.report.Results;
import health.continuum.bench.server.PassDatabase;
import health.continuum.bench.server.RunningServer;
import health.continuum.bench.server.ServerLauncher;
import java.util.List;

/**
 * --startup N: per round and database, in the default configuration, a start on an empty database (whose schema
 * the start creates), then a stop and a restart on the same, existing database.
 */
final class StartupRun {

    private StartupRun() {}

    static void run(Options options, Results results, ServerLauncher launcher) {
        for (int round = 1; round <= options.startupRounds(); round++) {
            for (Database db : options.databases()) {
                Log.info("=== start-up round " + round + ", " + db.label() + " ===");
                try (PassDatabase database = PassDatabase.create(db, Checks.DEFAULT)) {
                    for (String state : List.of("empty", "existing")) {
                        try (RunningServer server = launcher.start(db, Checks.DEFAULT, database, List.of(), state)) {
                            results.startup().add(server.startup());
                        }
                    }
                }
            }
        }
    }
}
