package io.gatepass.server.api;

/** An operation as registered: its service, wire name, input type and handler. */
public record BoundOperation<I, O>(ServiceDescriptor service, String name, Class<I> inputType,
                                   Operation<I, O> handler) {

    public O invoke(Object input, CallContext context) {
        return handler.handle(inputType.cast(input), context);
    }
}
