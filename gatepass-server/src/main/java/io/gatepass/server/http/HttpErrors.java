package io.gatepass.server.http;

import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.Fault;

/** Errors of the HTTP layer itself (limits, timeouts, malformed HTTP), written in the protocol's shape. */
enum HttpErrors implements ErrorCode {
    REQUEST_URI_TOO_LONG("RequestURITooLong", 414),
    HEADERS_TOO_LARGE("RequestHeaderSectionTooLarge", 431),
    BAD_REQUEST("BadRequest", 400),
    REQUEST_TIMEOUT("RequestTimeout", 408),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, Fault.RECEIVER);

    private final String code;
    private final int httpStatus;
    private final Fault fault;

    HttpErrors(String code, int httpStatus) {
        this(code, httpStatus, Fault.SENDER);
    }

    HttpErrors(String code, int httpStatus, Fault fault) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.fault = fault;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public Fault fault() {
        return fault;
    }
}
