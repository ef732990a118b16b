package io.gatepass.store;

/**
 * The database could not be reached or dropped the connection (it is restarting, down, or the network to it is):
 * nothing was done, and the same call may succeed once it is back. Servers answer it as a temporary failure
 * (503 ServiceUnavailable) rather than an internal error.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
