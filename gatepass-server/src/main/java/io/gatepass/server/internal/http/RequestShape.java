package io.gatepass.server.internal.http;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.config.Limits;

/** The limits a request's head is held to before anything reads it: header count and size, query length. */
final class RequestShape {
    private RequestShape() {
    }

    /**
     * @param query       the raw query string, or null
     * @param headerCount how many header lines the request has
     * @param headerBytes their size, each as {@code name: value CRLF}
     * @return the error for the first limit the request exceeds, or null when it is within all of them
     */
    static ServiceException check(String query, long headerCount, long headerBytes, Limits limits) {
        if (query != null && query.length() > limits.maxQueryBytes()) {
            return HttpErrors.REQUEST_URI_TOO_LONG.exception(
                    "The query string is longer than the limit of %d bytes.", limits.maxQueryBytes());
        }
        if (headerCount > limits.maxHeaderCount()) {
            return HttpErrors.HEADERS_TOO_LARGE.exception("The request has %d headers, more than the limit of %d.",
                    headerCount, limits.maxHeaderCount());
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            return HttpErrors.HEADERS_TOO_LARGE.exception(
                    "The request headers are larger than the limit of %d bytes.", limits.maxHeaderBytes());
        }
        return null;
    }
}
