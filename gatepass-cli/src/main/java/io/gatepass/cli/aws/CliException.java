package io.gatepass.cli.aws;

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

    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad command-line input (exit 252); the message is printed with the usage hint. */
    public static CliException parameter(String message) {
        return new CliException(PARAMETER, message, null);
    }

    /** Bad configuration: unknown profile, missing region, unreadable config file (exit 253). */
    public static CliException configuration(String message) {
        return new CliException(CONFIGURATION, message, null);
    }

    /**
     * A service answered with an error (exit 254); the message is already in aws's form:
     * {@code An error occurred (Code) when calling the Operation operation: message}.
     */
    public static CliException service(String code, String operation, String message, Throwable cause) {
        return new CliException(SERVICE,
                "An error occurred (" + code + ") when calling the " + operation + " operation: " + message, cause);
    }

    /** Anything else (exit 255). */
    public static CliException other(String message, Throwable cause) {
        return new CliException(OTHER, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
