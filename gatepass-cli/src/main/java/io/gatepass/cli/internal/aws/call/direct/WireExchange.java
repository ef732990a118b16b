package io.gatepass.cli.internal.aws.call.direct;

import io.gatepass.cli.internal.aws.config.ConnectionOpener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange over the JDK's HttpURLConnection, opened as the SDK's URL-connection client opens it for the
 * command line (timeouts, TLS trust, proxies: {@link ConnectionOpener}): the headers as given (Host and
 * Content-Length are the connection's own), the body with a fixed length, redirects not followed. The body is read
 * to its end and its stream closed, so the JDK keeps the connection for the next page or attempt (keep-alive); only a
 * failed exchange disconnects.
 */
final class WireExchange {

    /** A response: status, its reason phrase (or null), headers (names as the server sent them), the whole body. */
    record Response(int status, String statusText, Map<String, List<String>> headers, byte[] body) {
    }

    private final ConnectionOpener connections;

    WireExchange(ConnectionOpener connections) {
        this.connections = connections;
    }

    Response send(String method, URI uri, Map<String, List<String>> headers, byte[] body) throws IOException {
        HttpURLConnection connection;
        try {
            connection = connections.open(uri);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        boolean read = false;
        try {
            connection.setRequestMethod(method);
            connection.setInstanceFollowRedirects(false);
            headers.forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                    for (String value : values) {
                        connection.addRequestProperty(name, value);
                    }
                }
            });
            if (connection.getRequestProperty("Accept") == null) {
                connection.setRequestProperty("Accept", "*/*"); // as the SDK's client (the JDK's is for browsers)
            }
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            Map<String, List<String>> received = new LinkedHashMap<>();
            connection.getHeaderFields().forEach((name, values) -> {
                if (name != null) {
                    received.put(name, values);
                }
            });
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] content;
            if (in == null) {
                content = new byte[0];
            } else {
                try (in) {
                    content = in.readAllBytes();
                }
            }
            read = true;
            return new Response(status, connection.getResponseMessage(), received, content);
        } finally {
            if (!read) {
                connection.disconnect(); // a half-done exchange: its connection is not reused
            }
        }
    }
}
