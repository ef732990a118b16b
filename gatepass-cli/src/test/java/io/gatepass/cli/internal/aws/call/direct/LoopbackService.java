package io.gatepass.cli.internal.aws.call.direct;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A loopback HTTP service that records every request and answers with the responses queued for it, in order. */
final class LoopbackService implements AutoCloseable {

    /** A request as it arrived: header names in lower case; the client's port tells its connection. */
    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                    int clientPort) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    /** An answer: status, extra headers, body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    LoopbackService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                Map<String, List<String>> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
                URI uri = exchange.getRequestURI();
                Answer answer;
                synchronized (this) {
                    received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                            headers, in.readAllBytes(), exchange.getRemoteAddress().getPort()));
                    answer = answers.isEmpty() ? new Answer(200, Map.of(), "{}".getBytes()) : answers.poll();
                }
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                if (answer.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    }
                }
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void answer(Answer answer) {
        answers.add(answer);
    }

    /** The requests received since the last call, and forgets them. */
    synchronized List<Received> take() {
        List<Received> taken = List.copyOf(received);
        received.clear();
        answers.clear();
        return taken;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
