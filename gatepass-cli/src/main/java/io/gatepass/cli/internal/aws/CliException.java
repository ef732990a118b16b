package io.gatepass.cli.internal.aws;

/**
 * A failure the command line reports and turns into an exit code, as aws v2 does: 252 bad parameters (with a usage
 * hint), 253 bad configuration, 254 a service error, 255 anything else, 130 interrupted.
 */
public final class CliException extends RuntimeException {

    public static final int INTERRUPTED = 130;
    public static final int PARAMETER = 252;
    public static final int CONFIGURATION = 253;
    public static final int SERVICE = 254;
    public static final int OTHER = 255;

    /** aws v2's usage hint, with gatepass in place of aws. */
    public static final String USAGE = "usage: gatepass [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
            + "To see help text, you can run:\n"
            + "\n"
            + "  gatepass help\n"
            + "  gatepass <command> help\n"
            + "  gatepass <command> <subcommand> help\n";

    private final int exitCode;
    private final String stderr;

    private CliException(int exitCode, String message, String stderr, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    private static String plain(String message) {
        return "\n" + message + "\n";
    }

    /** Bad command-line input (exit 252); the message is printed with the usage hint, as argparse errors are. */
    public static CliException parameter(String message) {
        return new CliException(PARAMETER, message, "\n" + USAGE + "\ngatepass: error: " + message + "\n\n", null);
    }

    /** Options no command knows (exit 252), printed with the usage hint. */
    public static CliException unknownOptions(java.util.List<String> options) {
        String message = "Unknown options: " + String.join(", ", options);
        return new CliException(PARAMETER, message, "\n" + USAGE + "\n" + message + "\n\n", null);
    }

    /**
     * A parameter value that does not parse or validate (exit 252), printed alone as aws prints its
     * {@code Error parsing parameter ...} and {@code Parameter validation failed:} messages.
     */
    public static CliException invalidParameter(String message) {
        return new CliException(PARAMETER, message, plain(message), null);
    }

    /** Bad configuration: unknown profile, missing region, unreadable config file (exit 253). */
    public static CliException configuration(String message) {
        return new CliException(CONFIGURATION, message, plain(message), null);
    }

    /**
     * A service answered with an error (exit 254); the message is already in aws's form:
     * {@code An error occurred (Code) when calling the Operation operation: message}.
     */
    public static CliException service(String code, String operation, String message, Throwable cause) {
        return service(code, operation, "", message, cause);
    }

    /**
     * As {@link #service(String, String, String, Throwable)}, with aws's note after the operation when the last
     * allowed attempt failed: {@code " (reached max retries: 2)"}, or "".
     */
    public static CliException service(String code, String operation, String retryNote, String message,
                                       Throwable cause) {
        String text = "An error occurred (" + code + ") when calling the " + operation + " operation" + retryNote
                + ": " + message;
        return new CliException(SERVICE, text, plain(text), cause);
    }

    /** Anything else (exit 255). */
    public static CliException other(String message, Throwable cause) {
        return new CliException(OTHER, message, plain(message), cause);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Exactly what aws v2 writes on stderr for this failure. */
    public String stderrText() {
        return stderr;
    }
}
