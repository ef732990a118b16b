package io.gatepass.cli.internal.aws.config;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The --debug trace on stderr, one line per event in the shape aws uses:
 * {@code 2026-01-02 03:04:05,678 - MainThread - gatepass.endpoint - DEBUG - message}. Silent without --debug.
 * Callers pass text that is already redacted ({@link Redaction}).
 */
public final class DebugLog {

    private final PrintStream err;

    private DebugLog(PrintStream err) {
        this.err = err;
    }

    /** A log that writes to {@code err}, or discards everything when {@code err} is null. */
    public static DebugLog to(PrintStream err) {
        return new DebugLog(err);
    }

    public boolean enabled() {
        return err != null;
    }

    public void debug(String component, String message) {
        if (err != null) {
            synchronized (err) {
                err.println(LocalDateTime.now().format(Time.FORMAT) + " - " + Thread.currentThread().getName()
                        + " - gatepass." + component + " - DEBUG - " + message);
            }
        }
    }

    /** Loaded only when something is traced, so a call without --debug does not load java.time formatting. */
    private static final class Time {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    }
}
