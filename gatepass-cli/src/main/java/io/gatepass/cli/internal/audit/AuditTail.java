package io.gatepass.cli.internal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.internal.audit.RotatingAuditFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads an audit log and its rotated files in time order, keeps the lines a filter lets through, and prints them
 * (the last {@code limit}); then, when following, prints new lines as they are written, across rotations: the file
 * it holds open is read to its end before the new {@code audit.log} is opened. With {@code --since}, rotated files
 * closed before that moment are not read at all (a rotated file's name is the moment it was closed).
 */
public final class AuditTail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Waits between polls while following; returns false to stop following. */
    @FunctionalInterface
    public interface Pause {
        boolean await() throws InterruptedException;
    }

    private final Path file;
    private final AuditFilter filter;
    private final AuditOutput output;

    public AuditTail(Path file, AuditFilter filter, AuditOutput output) {
        this.file = file;
        this.filter = filter;
        this.output = output;
    }

    /**
     * Prints the last {@code limit} matching lines (all when {@code limit < 0}), then follows while {@code pause}
     * says so (not at all when null).
     */
    public void run(PrintStream out, int limit, Pause pause) throws IOException, InterruptedException {
        Deque<JsonNode> kept = new ArrayDeque<>();
        Consumer<JsonNode> keep = line -> {
            kept.addLast(line);
            if (limit >= 0 && kept.size() > limit) {
                kept.removeFirst();
            }
        };
        for (Path rotated : RotatingAuditFile.rotated(file)) {
            if (filter.since() == null || !closedBefore(rotated, filter.since())) {
                try (LineReader reader = new LineReader(rotated)) {
                    reader.readAll(line -> accept(line, keep));
                } catch (NoSuchFileException e) {
                    // pruned by the server since it was listed: older than what is kept anyway
                }
            }
        }
        if (!Files.exists(file) && pause == null) {
            throw new NoSuchFileException(file.toString(), null, "no audit log here (is --data-dir or --file right?)");
        }
        output.header(out);
        LineReader current = Files.exists(file) ? new LineReader(file)
                : null;
        try {
            if (current != null) {
                current.readAll(line -> accept(line, keep));
            }
            kept.forEach(line -> output.print(out, line));
            out.flush();
            while (pause != null && pause.await()) {
                current = follow(out, current);
                out.flush();
            }
        } finally {
            if (current != null) {
                current.close();
            }
        }
    }

    /** One poll: new lines of the open file; at its end, if the path is now another file, that file from its start. */
    private LineReader follow(PrintStream out, LineReader current) throws IOException {
        Consumer<JsonNode> print = line -> output.print(out, line);
        if (current != null) {
            current.readAll(line -> accept(line, print));
        }
        while (Files.exists(file) && (current == null || !current.isFile(file))) {
            if (current != null) {
                current.readAll(line -> accept(line, print)); // what was written just before the rotation
                current.close();
            }
            current = new LineReader(file);
            current.readAll(line -> accept(line, print));
        }
        return current;
    }

    private void accept(String text, Consumer<JsonNode> sink) {
        if (text.isBlank()) {
            return;
        }
        try {
            JsonNode line = JSON.readTree(text);
            if (line != null && line.isObject() && filter.test(line)) {
                sink.accept(line);
            }
        } catch (JsonProcessingException e) {
            // a line cut short (e.g. by a crash) is skipped, not fatal
        }
    }

    private static boolean closedBefore(Path rotated, Instant since) {
        String name = rotated.getFileName().toString();
        String stamp = name.substring(name.lastIndexOf(".log.") + 5, name.lastIndexOf(".log.") + 5 + 20);
        try {
            return Instant.from(STAMP.parse(stamp)).isBefore(since);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whole lines from a file channel, keeping a partial last line until its line break arrives. */
    private static final class LineReader implements AutoCloseable {
        private final FileChannel channel;
        private final Object key;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

        /** Opens {@code path}, noting which file it is (its file key: device and inode) to notice rotation. */
        LineReader(Path path) throws IOException {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        }

        void readAll(Consumer<String> lines) throws IOException {
            buffer.clear();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        lines.accept(partial.toString(StandardCharsets.UTF_8));
                        partial.reset();
                    } else {
                        partial.write(b);
                    }
                }
                buffer.clear();
            }
        }

        /** Whether {@code path} is still the file this reader has open (not yet rotated away). */
        boolean isFile(Path path) throws IOException {
            try {
                Object now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
                return now == null || key == null ? Files.size(path) >= channel.position() : Objects.equals(now, key);
            } catch (NoSuchFileException e) {
                return true; // between the rename and the new file: nothing to switch to yet
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
