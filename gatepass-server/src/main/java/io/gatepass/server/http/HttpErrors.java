package io.gatepass.server.http;

import io.gatepass.core.error.ErrorCode;

/** Errors of the HTTP layer itself (limits, timeouts, malformed HTTP), written in the protocol's shape. */
final class HttpErrors {
    private HttpErrors() {
    }

    static final ErrorCode REQUEST_URI_TOO_LONG = ErrorCode.sender("RequestURITooLong", 414);
    static final ErrorCode HEADERS_TOO_LARGE = ErrorCode.sender("RequestHeaderSectionTooLarge", 431);
    static final ErrorCode BAD_REQUEST = ErrorCode.sender("BadRequest", 400);
    static final ErrorCode REQUEST_TIMEOUT = ErrorCode.sender("RequestTimeout", 408);
    static final ErrorCode SERVICE_UNAVAILABLE = ErrorCode.receiver("ServiceUnavailable", 503);
}
