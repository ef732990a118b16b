package io.gatepass.store;

/** A create hit a uniqueness rule: the entity already exists. */
public final class DuplicateEntityException extends StoreException {
    public DuplicateEntityException(String message, Throwable cause) {
        super(message, cause);
    }
}
