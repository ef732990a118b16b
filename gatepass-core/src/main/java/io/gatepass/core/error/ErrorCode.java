package io.gatepass.core.error;

/**
 * One entry of an error catalogue: the code a client sees on the wire, the HTTP status it comes with,
 * and whether the fault lies with the sender.
 */
public record ErrorCode(String code, int httpStatus, Fault fault) {

    public static ErrorCode sender(String code, int httpStatus) {
        return new ErrorCode(code, httpStatus, Fault.SENDER);
    }

    public static ErrorCode receiver(String code, int httpStatus) {
        return new ErrorCode(code, httpStatus, Fault.RECEIVER);
    }

    public ServiceException exception(String message) {
        return new ServiceException(this, message);
    }

    public ServiceException exception(String format, Object... args) {
        return new ServiceException(this, String.format(format, args));
    }
}
