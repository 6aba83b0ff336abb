package health.continuum.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stderr, "[HH:mm:ss] message", so that stdout carries only the summary. */
public final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {}

    public static synchronized void info(String message) {
        System.err.printf("[%s] %s%n", LocalTime.now().format(TIME), message);
    }
}
