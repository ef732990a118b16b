package io.gatepass.cli.internal.aws.config;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Opens the HTTP connection for one request with the command line's timeouts, TLS trust and proxies (not yet
 * connected); I/O failures surface as {@link java.io.UncheckedIOException}.
 */
@FunctionalInterface
public interface ConnectionOpener {

    HttpURLConnection open(URI uri);
}
