package io.gatepass.server.config;

import java.nio.file.Path;

/**
 * The audit log ({@code --audit-*} settings).
 *
 * @param enabled      false for {@code --audit-log off}
 * @param file         the log file, or null for {@code <data-dir>/audit/audit.log}
 * @param maxFileBytes rotate before the file would grow past this size
 * @param rotateDaily  also rotate at the first event of each new UTC day
 * @param retainFiles  how many rotated files to keep (the oldest beyond are deleted)
 * @param reads        also audit read-only calls (Describe, List, Get and Search, other than token mints)
 */
public record AuditSettings(boolean enabled, Path file, long maxFileBytes, boolean rotateDaily, int retainFiles,
                            boolean reads) {
    public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_RETAIN_FILES = 30;
    /** On, in the data dir, 100 MiB per file, rotated daily, 30 rotated files kept, reads not audited. */
    public static final AuditSettings DEFAULTS = new AuditSettings(true, null, DEFAULT_MAX_FILE_BYTES, true,
            DEFAULT_RETAIN_FILES, false);
    public static final AuditSettings OFF = new AuditSettings(false, null, DEFAULT_MAX_FILE_BYTES, true,
            DEFAULT_RETAIN_FILES, false);

    public AuditSettings {
        if (maxFileBytes < 1024) {
            throw new IllegalArgumentException("--audit-max-file-bytes must be at least 1024, got " + maxFileBytes);
        }
        if (retainFiles < 0) {
            throw new IllegalArgumentException("--audit-retain-files must not be negative, got " + retainFiles);
        }
    }

    /** The log file for a data dir. */
    public Path file(Path dataDir) {
        return file != null ? file : dataDir.resolve("audit").resolve("audit.log");
    }

    /** These settings writing to another file. */
    public AuditSettings withFile(Path other) {
        return new AuditSettings(enabled, other, maxFileBytes, rotateDaily, retainFiles, reads);
    }
}
