package health.continuum.bench;

/** A benchmark that cannot go on: the message says what failed and where its log is; the run exits 1. */
public class BenchException extends RuntimeException {

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
