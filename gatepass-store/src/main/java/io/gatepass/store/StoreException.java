package io.gatepass.store;

/** The store failed; the request cannot be answered from stored data. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
