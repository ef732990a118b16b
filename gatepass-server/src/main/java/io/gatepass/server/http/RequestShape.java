package io.gatepass.server.http;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.config.Limits;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;

/** The limits a request's head is held to before anything reads it: header count and size, query length. */
final class RequestShape {
    private RequestShape() {
    }

    /** @return the error for the first limit the request exceeds, or null when it is within all of them */
    static ServiceException check(HttpServerRequest request, Limits limits) {
        String query = request.query();
        if (query != null && query.length() > limits.maxQueryBytes()) {
            return HttpErrors.REQUEST_URI_TOO_LONG.exception(
                    "The query string is longer than the limit of %d bytes.", limits.maxQueryBytes());
        }
        int count = 0;
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            count++;
            bytes += header.getKey().length() + header.getValue().length() + 4; // name: value CRLF
        }
        if (count > limits.maxHeaderCount()) {
            return HttpErrors.HEADERS_TOO_LARGE.exception("The request has %d headers, more than the limit of %d.",
                    count, limits.maxHeaderCount());
        }
        if (bytes > limits.maxHeaderBytes()) {
            return HttpErrors.HEADERS_TOO_LARGE.exception(
                    "The request headers are larger than the limit of %d bytes.", limits.maxHeaderBytes());
        }
        return null;
    }
}
