package io.gatepass.server.api;

import io.gatepass.core.identity.Principal;

import java.time.Instant;

/** Who is calling, when, and under which request id. */
public record CallContext(Principal principal, String requestId, Instant now) {
}
