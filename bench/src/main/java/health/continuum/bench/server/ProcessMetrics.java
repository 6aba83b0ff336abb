package health.continuum.bench.server;

import health.continuum.bench.Commands;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** Memory and CPU of the server process, and the machine's load, as the results report them. */
public final class ProcessMetrics {

    private ProcessMetrics() {}

    /** Resident set size in kB, as ps -o rss shows it: /proc where there is one, else ps. */
    public static OptionalLong rssKb(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            if (Files.isReadable(status)) {
                return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst();
            }
        } catch (IOException e) {
            return OptionalLong.empty(); // the process ended between the check and the read
        }
        return Commands.output(List.of("ps", "-o", "rss=", "-p", String.valueOf(pid)), Duration.ofSeconds(10))
                .map(String::strip).filter(text -> text.matches("[0-9]+"))
                .map(text -> OptionalLong.of(Long.parseLong(text))).orElse(OptionalLong.empty());
    }

    /** User + system CPU seconds the process has used, one decimal, or null where the OS does not tell. */
    public static BigDecimal cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .map(cpu -> BigDecimal.valueOf(cpu.toMillis()).movePointLeft(3).setScale(1, RoundingMode.HALF_EVEN))
                .orElse(null);
    }

    /** The 1-minute load average, or null: other work on the same cores slows every measurement. */
    public static BigDecimal loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? null : BigDecimal.valueOf(load).setScale(2, RoundingMode.HALF_EVEN);
    }
}
