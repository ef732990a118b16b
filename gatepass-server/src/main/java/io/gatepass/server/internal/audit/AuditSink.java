package io.gatepass.server.internal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Where the {@link AuditWriter}'s thread puts formatted lines: the rotating file, or a stand-in in tests. */
public interface AuditSink extends AutoCloseable {
    /**
     * Appends the line of an event that happened at {@code time}, {@code line[0, length)} in UTF-8 without its line
     * break (the bytes are the caller's again once this returns): the writer hands lines over in batches, so a line
     * may reach the sink after the clock has passed midnight although its event did not; a sink that starts a file a
     * day goes by this time.
     */
    void append(byte[] line, int length, Instant time) throws IOException;

    /** {@link #append(byte[], int, Instant)} of a line given as text (the writer hands over its UTF-8 bytes). */
    default void append(String line, Instant time) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        append(bytes, bytes.length, time);
    }

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
