package io.gatepass.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one {@link RawRequest} on a new connection ({@code Connection: close}) and reads the whole answer under one
 * deadline: a server that does not answer in time, or answers without end, fails the exchange with
 * {@link Hang} rather than making the test wait. Answers larger than {@link #MAX_RESPONSE} count as unbounded.
 */
public final class RawHttp {
    public static final int MAX_RESPONSE = 1 << 20;

    private final int port;
    private final Duration timeout;

    public RawHttp(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** The server took longer than the deadline (or never closed the connection). */
    public static final class Hang extends Exception {
        Hang(String message) {
            super(message);
        }
    }

    /** @param headers names lower-cased */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, long millis) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + new String(body, 0, Math.min(body.length, 500),
                    StandardCharsets.UTF_8);
        }
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    public Response exchange(RawRequest request) throws IOException, Hang {
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(request).getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body());
            out.flush();
            byte[] raw = readAll(socket, deadline);
            return parse(raw, (System.nanoTime() - started) / 1_000_000);
        } catch (SocketTimeoutException e) {
            throw new Hang("no complete answer within " + timeout.toMillis() + " ms");
        }
    }

    private String head(RawRequest request) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\n");
        if (request.header("host") == null) {
            head.append("Host: ").append(host()).append("\r\n");
        }
        request.headers().forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        if (request.header("content-length") == null) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }

    private byte[] readAll(Socket socket, long deadline) throws IOException, Hang {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new Hang("no complete answer within " + timeout.toMillis() + " ms; had " + raw.size()
                        + " bytes: " + raw.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
            }
            socket.setSoTimeout((int) left);
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                // a reset after a complete answer (the server closed with unread request bytes) is no failure
                if (raw.size() > 0) {
                    return raw.toByteArray();
                }
                throw e;
            }
            if (n < 0) {
                return raw.toByteArray();
            }
            raw.write(buffer, 0, n);
            if (raw.size() > MAX_RESPONSE + 16_384) {
                throw new Hang("answer larger than " + MAX_RESPONSE + " bytes");
            }
        }
    }

    private static Response parse(byte[] raw, long millis) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, body, millis);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
