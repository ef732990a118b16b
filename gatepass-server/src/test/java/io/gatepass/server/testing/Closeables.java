package io.gatepass.server.testing;

/** Closing what a test class started, in order, each one even when an earlier one failed to close. */
public final class Closeables {
    private Closeables() {
    }

    /** Closes each of {@code closeables} that is not null; then throws the first failure, if any. */
    public static void closeAll(AutoCloseable... closeables) {
        RuntimeException failure = null;
        for (AutoCloseable closeable : closeables) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing " + closeable, e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
