package io.gatepass.server.internal.api;

import io.gatepass.core.identity.Principal;

import java.time.Instant;

/**
 * An operation as registered: its service, wire name, input type and handler. The name is written once, where the
 * operation is registered; the handler's {@link CallContext} carries it to authorization as {@link #action()}.
 */
public record BoundOperation<I, O>(ServiceDescriptor service, String name, Class<I> inputType,
                                   Operation<I, O> handler, String action) {

    /**
     * @param action the IAM action of this operation, {@code signingName:Name} (e.g. {@code gamelift:CreateFleet}),
     *               spelled once here rather than on every call
     */
    public BoundOperation {
        if (!action.equals(service.signingName() + ":" + name)) {
            throw new IllegalArgumentException("action " + action + " is not " + service.signingName() + ":" + name);
        }
    }

    public BoundOperation(ServiceDescriptor service, String name, Class<I> inputType, Operation<I, O> handler) {
        this(service, name, inputType, handler, service.signingName() + ":" + name);
    }

    /** Runs the handler for {@code principal}'s call. */
    public O invoke(Object input, Principal principal, String requestId, Instant now) {
        return handler.handle(inputType.cast(input), new CallContext(principal, requestId, now, this));
    }
}
