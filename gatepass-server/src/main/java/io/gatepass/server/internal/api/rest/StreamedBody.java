package io.gatepass.server.internal.api.rest;

import java.io.InputStream;

/**
 * A response body sent from a stream as the client takes it (a blob payload), never held whole in memory.
 *
 * @param length  bytes the stream holds (the Content-Length)
 * @param content the open stream; whoever writes the response closes it, also when the client has gone
 */
public record StreamedBody(long length, InputStream content) {
}
