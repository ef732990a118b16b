package io.gatepass.store;

/**
 * A conditional write named a revision that is not the stored one: another write came first. Re-read and decide
 * again; the API answers ConflictException.
 */
public final class RevisionMismatchException extends StoreException {
    public RevisionMismatchException(String message) {
        super(message, null);
    }
}
