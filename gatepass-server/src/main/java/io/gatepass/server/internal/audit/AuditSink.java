package io.gatepass.server.internal.audit;

import java.io.IOException;
import java.time.Instant;

/** Where the {@link AuditWriter}'s thread puts formatted lines: the rotating file, or a stand-in in tests. */
public interface AuditSink extends AutoCloseable {
    /**
     * Appends the line of an event that happened at {@code time}: the writer hands lines over in batches, so a line
     * may reach the sink after the clock has passed midnight although its event did not; a sink that starts a file a
     * day goes by this time.
     */
    void append(String line, Instant time) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
