package health.continuum.bench;

/** Bad command-line input (exit 2), or a request for the usage text (exit 0). */
public final class UsageException extends Exception {

    private final boolean help;
    private final boolean showUsage;

    private UsageException(String message, boolean help, boolean showUsage) {
        super(message);
        this.help = help;
        this.showUsage = showUsage;
    }

    static UsageException help() {
        return new UsageException(null, true, true);
    }

    static UsageException invalid(String message) {
        return new UsageException(message, false, false);
    }

    static UsageException unknownOption(String option) {
        return new UsageException("unknown option: " + option, false, true);
    }

    public boolean isHelp() {
        return help;
    }

    public boolean showUsage() {
        return showUsage;
    }

    public int exitCode() {
        return help ? 0 : 2;
    }
}
