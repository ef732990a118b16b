package io.gatepass.core.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of an error catalogue: the code a client sees on the wire, the HTTP status it comes with, whether the
 * fault lies with the sender, and any further members the error shape always carries (CodeArtifact's
 * ValidationException has a {@code reason}).
 */
public record ErrorCode(String code, int httpStatus, Fault fault, Map<String, String> fields) {

    public ErrorCode {
        fields = Map.copyOf(fields);
    }

    public ErrorCode(String code, int httpStatus, Fault fault) {
        this(code, httpStatus, fault, Map.of());
    }

    public static ErrorCode sender(String code, int httpStatus) {
        return new ErrorCode(code, httpStatus, Fault.SENDER);
    }

    public static ErrorCode receiver(String code, int httpStatus) {
        return new ErrorCode(code, httpStatus, Fault.RECEIVER);
    }

    /** The same error with one more member in its shape. */
    public ErrorCode withField(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new ErrorCode(code, httpStatus, fault, more);
    }

    public ServiceException exception(String message) {
        return new ServiceException(this, message);
    }

    public ServiceException exception(String format, Object... args) {
        return new ServiceException(this, String.format(format, args));
    }
}
