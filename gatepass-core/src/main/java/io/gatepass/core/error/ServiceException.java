package io.gatepass.core.error;

/**
 * The one exception every operation throws for a failure the client should see. The protocol codec turns it into
 * the protocol's own error shape; no stack trace ever reaches the wire.
 */
public final class ServiceException extends RuntimeException {
    private final ErrorCode errorCode;

    public ServiceException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public String code() {
        return errorCode.code();
    }

    public int httpStatus() {
        return errorCode.httpStatus();
    }
}
