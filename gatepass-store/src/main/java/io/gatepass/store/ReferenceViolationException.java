package io.gatepass.store;

/**
 * A write broke a reference between entities: it referred to one that does not exist (any more), such as a compute
 * registered in a location its fleet no longer has, or it would delete one that others still use, such as a location
 * a fleet runs in. Usually a concurrent change raced the caller's own check; re-read and answer from what is stored.
 */
public final class ReferenceViolationException extends StoreException {
    public ReferenceViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
