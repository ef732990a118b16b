package io.gatepass.server.internal.http;

import io.gatepass.server.internal.api.CatalogueEntry;
import io.gatepass.server.internal.api.ErrorSpec;

import static io.gatepass.server.internal.api.ErrorSpec.sender;

/**
 * Errors of the HTTP layer itself (limits, timeouts, malformed HTTP), written in the protocol's shape. The connection
 * caps answer the common {@code ServiceUnavailable}, spelled as every temporary failure is.
 */
enum HttpErrors implements CatalogueEntry {
    REQUEST_URI_TOO_LONG(sender("RequestURITooLong", 414)),
    HEADERS_TOO_LARGE(sender("RequestHeaderSectionTooLarge", 431)),
    BAD_REQUEST(sender("BadRequest", 400)),
    REQUEST_TIMEOUT(sender("RequestTimeout", 408));

    private final ErrorSpec spec;

    HttpErrors(ErrorSpec spec) {
        this.spec = spec;
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
