package health.continuum.bench;

import health.continuum.bench.run.Benchmark;
import health.continuum.bench.workloads.Workloads;

/** bench/run.sh's program: exit 0 when the run finished, 1 when it failed, 2 on bad options. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Options options;
        try {
            options = new OptionParser(Workloads.names()).parse(args);
        } catch (UsageException e) {
            if (e.isHelp()) {
                System.out.print(OptionParser.USAGE);
            } else {
                System.err.println(e.getMessage());
                if (e.showUsage()) {
                    System.err.print(OptionParser.USAGE);
                }
            }
            System.exit(e.exitCode());
            return;
        }
        try {
            new Benchmark(options, Layout.ofThisCheckout()).run();
            System.exit(0);
        } catch (BenchException e) {
            Log.info("ERROR: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Log.info("interrupted");
            System.exit(130);
        }
    }
}
