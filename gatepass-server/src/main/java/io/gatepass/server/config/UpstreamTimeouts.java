package io.gatepass.server.config;

import java.time.Duration;

/**
 * How long a fetch from a public registry (an external connection) may take before Gatepass gives up on it: the
 * metadata request is then answered from what the repository already holds, or with 504.
 *
 * @param connect how long connecting to the registry may take
 * @param request how long a whole request (connect, headers, body) may take
 */
public record UpstreamTimeouts(Duration connect, Duration request) {
    public static final UpstreamTimeouts DEFAULTS = new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

    public UpstreamTimeouts {
        if (connect == null || connect.isNegative() || connect.isZero()) {
            throw new IllegalArgumentException("the upstream connect timeout must be longer than zero");
        }
        if (request == null || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException("the upstream timeout must be longer than zero");
        }
    }
}
