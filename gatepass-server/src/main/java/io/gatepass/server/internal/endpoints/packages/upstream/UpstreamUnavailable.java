package io.gatepass.server.internal.endpoints.packages.upstream;

/**
 * A public registry (an external connection's upstream) could not answer: unreachable, failing (502) or too slow
 * (504). A format serves what it has retained instead, or answers with this status and message.
 */
public final class UpstreamUnavailable extends RuntimeException {
    private final int status;

    public UpstreamUnavailable(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 502 or 504. */
    public int status() {
        return status;
    }
}
