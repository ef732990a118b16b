package io.gatepass.server.internal.audit;

import java.io.IOException;

/** Where the {@link AuditWriter}'s thread puts formatted lines: the rotating file, or a stand-in in tests. */
public interface AuditSink extends AutoCloseable {
    void append(String line) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
