package io.gatepass.server.internal.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit log file with its rotation: appends lines to {@code audit.log}; before a line that would take the file
 * past {@code maxBytes}, or the first line of a new UTC day when rotating daily, the file is renamed to
 * {@code audit.log.<yyyyMMdd'T'HHmmss.SSS'Z'>} (the moment it was closed, so every line in it is older) and a new
 * one is started; only the newest {@code retainFiles} rotated files are kept. Files are created with mode 0600 and
 * their directory with 0700. The {@link AuditWriter}'s one thread uses it; its methods hold the file's lock anyway
 * (uncontended, so about free), because a close that gives up waiting for a stuck writer closes the file while that
 * writer may still be appending.
 *
 * <p>Lines gather in a buffer of whole lines, each with its line break, until {@link #flush} or a full buffer hands
 * them to the file. When the disk takes only part of them (a full disk), the rest stays in the buffer and goes next,
 * so a line the disk took only part of is completed and never glued to the one after it; a line that finds the
 * buffer full and the disk still refusing is refused as a whole ({@link AuditWriter} counts it as dropped).
 */
public final class RotatingAuditFile implements AuditSink {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final long DAY_MILLIS = 86_400_000L;
    private static final int STAMP_LENGTH = "20261206T110726.123Z".length();
    private static final Pattern ROTATED = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z(-\\d{1,9})?");
    private static final int BUFFER_BYTES = 64 * 1024;

    /** Opens the file for appending: the file system, or in tests one that fills up. */
    @FunctionalInterface
    interface Channels {
        WritableByteChannel open(Path file) throws IOException;
    }

    private final Path file;
    private final long maxBytes;
    private final boolean daily;
    private final int retainFiles;
    private final Clock clock;
    private final Channels channels;
    private WritableByteChannel channel;
    /** Lines not yet handed to the file: {@code buffer[0, buffered)}. */
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int buffered;
    /** Bytes in the file, buffered ones included. */
    private long size;
    private long day;

    /**
     * @param maxBytes    rotate before a line would take the file past this size
     * @param daily       also rotate when the UTC day changes
     * @param retainFiles how many rotated files to keep (0 keeps none)
     */
    public RotatingAuditFile(Path file, long maxBytes, boolean daily, int retainFiles, Clock clock)
            throws IOException {
        this(file, maxBytes, daily, retainFiles, clock,
                f -> Files.newByteChannel(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    RotatingAuditFile(Path file, long maxBytes, boolean daily, int retainFiles, Clock clock, Channels channels)
            throws IOException {
        this.channels = channels;
        this.file = file.toAbsolutePath();
        this.maxBytes = maxBytes;
        this.daily = daily;
        this.retainFiles = retainFiles;
        this.clock = clock;
        createPrivateDirectory(this.file.getParent());
        open();
        if (size > 0) {
            day = Files.getLastModifiedTime(this.file).toMillis() / DAY_MILLIS;
        }
    }

    /**
     * Appends the line of an event at {@code time} ({@code line[0, lineLength)}; a line break is added), rotating
     * first when due: a daily file is started by the first line of a later UTC day, by the event's own time, so a
     * line that waited in the writer's batch past midnight stays with its day's lines. A line of an earlier day than
     * the file's (events of two threads just across midnight) goes into the current file rather than starting yet
     * another.
     */
    @Override
    public synchronized void append(byte[] line, int lineLength, Instant time) throws IOException {
        int length = lineLength + 1; // with its line break
        long lineDay = Math.floorDiv(time.toEpochMilli(), DAY_MILLIS);
        if (size > 0 && (size + length > maxBytes || (daily && lineDay > day))) {
            rotate();
        }
        if (buffered + length > buffer.length) {
            drain();
            if (length > buffer.length) { // a line longer than the buffer: the buffer grows, lines stay whole
                buffer = Arrays.copyOf(buffer, length);
            }
        }
        System.arraycopy(line, 0, buffer, buffered, lineLength);
        buffer[buffered + lineLength] = '\n';
        buffered += length;
        size += length;
        day = Math.max(day, lineDay);
    }

    /** Hands what was appended to the operating system. */
    @Override
    public synchronized void flush() throws IOException {
        drain();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            drain();
        } finally {
            channel.close();
        }
    }

    /** Writes the buffer out; what the disk does not take stays at the buffer's start, to go first next time. */
    private void drain() throws IOException {
        ByteBuffer pending = ByteBuffer.wrap(buffer, 0, buffered);
        try {
            while (pending.hasRemaining()) {
                channel.write(pending);
            }
        } finally {
            System.arraycopy(buffer, pending.position(), buffer, 0, pending.remaining());
            buffered = pending.remaining();
        }
    }

    /** The rotated files of {@code file}, oldest first. */
    public static List<Path> rotated(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".";
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> isRotated(p.getFileName().toString(), prefix))
                    .sorted(Comparator.comparing((Path p) -> stamp(p.getFileName().toString(), prefix))
                            .thenComparingInt(p -> suffix(p.getFileName().toString(), prefix)))
                    .toList();
        }
    }

    private static boolean isRotated(String name, String prefix) {
        return name.startsWith(prefix) && ROTATED.matcher(name.substring(prefix.length())).matches();
    }

    private static String stamp(String name, String prefix) {
        return name.substring(prefix.length(), prefix.length() + STAMP_LENGTH);
    }

    /** 0 for {@code <stamp>}, n for {@code <stamp>-n} (several rotations within one millisecond). */
    private static int suffix(String name, String prefix) {
        String rest = name.substring(prefix.length() + STAMP_LENGTH);
        return rest.isEmpty() ? 0 : Integer.parseInt(rest.substring(1));
    }

    private void rotate() throws IOException {
        drain(); // the old file's lines go into it; if the disk refuses them, nothing is rotated
        channel.close();
        String stamp = STAMP.format(clock.instant());
        String prefix = file.getFileName() + ".";
        int next = -1; // after every file of the same millisecond, so that the order of names stays the order of time
        for (Path earlier : rotated(file)) {
            if (stamp(earlier.getFileName().toString(), prefix).equals(stamp)) {
                next = Math.max(next, suffix(earlier.getFileName().toString(), prefix));
            }
        }
        next++;
        Files.move(file, file.resolveSibling(prefix + stamp + (next == 0 ? "" : "-" + next)));
        open();
        List<Path> old = rotated(file);
        for (int i = 0; i < old.size() - retainFiles; i++) {
            Files.deleteIfExists(old.get(i));
        }
    }

    private void open() throws IOException {
        if (posix() && !Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        channel = channels.open(file);
        size = Files.size(file);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
