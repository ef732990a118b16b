package io.gatepass.server.internal.api;

/**
 * The handler of one operation: a decoded input record in, an output record out, or a
 * {@link io.gatepass.core.error.ServiceException}. Handlers never see HTTP, JSON, XML or CBOR.
 */
@FunctionalInterface
public interface Operation<I, O> {
    O handle(I input, CallContext context);
}
