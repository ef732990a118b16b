package io.gatepass.server.internal.api;

import io.gatepass.core.identity.Principal;

import java.time.Instant;

/**
 * An operation as registered: its service, wire name, input type and handler. The name is written once, where the
 * operation is registered; the handler's {@link CallContext} carries it to authorization as {@link #action()}.
 */
public record BoundOperation<I, O>(ServiceDescriptor service, String name, Class<I> inputType,
                                   Operation<I, O> handler) {

    /** The IAM action of this operation, {@code signingName:Name} (e.g. {@code gamelift:CreateFleet}). */
    public String action() {
        return service.signingName() + ":" + name;
    }

    /** Runs the handler for {@code principal}'s call. */
    public O invoke(Object input, Principal principal, String requestId, Instant now) {
        return handler.handle(inputType.cast(input), new CallContext(principal, requestId, now, this));
    }
}
