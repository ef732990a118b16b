package io.gatepass.server.internal.ops;

/**
 * A failure as it may be logged: its classes and stack frames, with every message withheld. Messages of parser,
 * decoder and database exceptions quote their input (a form body, a token code, a row's values), and request input
 * never goes to the log.
 */
public final class LoggedFailure extends RuntimeException {
    private LoggedFailure(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** The failure and its causes (up to a depth of 8), stripped of their messages. */
    public static RuntimeException of(Throwable failure) {
        return strip(failure, 0);
    }

    private static LoggedFailure strip(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        return new LoggedFailure(failure, cause == null || cause == failure || depth >= 8 ? null
                : strip(cause, depth + 1));
    }
}
