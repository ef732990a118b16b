package io.gatepass.server.internal.audit;

import io.gatepass.server.config.AuditSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the audit log the settings ask for: a rotating file behind an {@link AuditWriter}, or none. */
public final class AuditLogFile {
    private AuditLogFile() {
    }

    /** The writer, or null when the audit log is off. Fails the start when the file cannot be opened. */
    public static AuditWriter open(AuditSettings settings, Path dataDir, Clock clock) {
        if (!settings.enabled()) {
            return null;
        }
        Path file = settings.file(dataDir);
        try {
            return new AuditWriter(new RotatingAuditFile(file, settings.maxFileBytes(), settings.rotateDaily(),
                    settings.retainFiles(), clock), AuditWriter.DEFAULT_QUEUE_CAPACITY, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + " (--audit-log off to run without)",
                    e);
        }
    }
}
