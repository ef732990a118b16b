package io.gatepass.server.internal.api;

/** The input or output of an operation that carries no members. */
public record Empty() {
    public static final Empty INSTANCE = new Empty();
}
