package io.gatepass.server.internal.api;

import io.gatepass.core.identity.Principal;

import java.time.Instant;

/**
 * Who is calling, when, under which request id, and which operation answers: handlers authorize the call's own
 * {@link #action()} and never spell their operation's name.
 */
public record CallContext(Principal principal, String requestId, Instant now, BoundOperation<?, ?> operation) {

    /** The IAM action this call is authorized as, {@code service:Operation} (e.g. {@code gamelift:CreateFleet}). */
    public String action() {
        return operation.action();
    }
}
