package io.gatepass.cli.internal.aws.call.direct;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A loopback HTTP service whose clock runs ahead (the JDK's HttpServer always sends its own Date): the first request
 * gets a 403 "Signature expired" InvalidSignatureException, every later one 200 {@code {}}; both carry the service's
 * Date. Records each request's X-Amz-Date.
 */
final class SkewedService implements AutoCloseable {

    private final ServerSocket socket;
    private final Instant serviceTime;
    private final List<String> amzDates = new ArrayList<>();
    private final Thread acceptor;

    SkewedService(Instant serviceTime) throws IOException {
        this.serviceTime = serviceTime;
        socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "skewed-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    synchronized List<String> amzDates() {
        return List.copyOf(amzDates);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                answer(client);
            } catch (IOException e) {
                // closed, or a client that went away: the test's assertions tell
            }
        }
    }

    private void answer(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        String line = reader.readLine();
        int length = 0;
        String amzDate = null;
        while ((line = reader.readLine()) != null && !line.isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("x-amz-date:")) {
                amzDate = line.substring(11).trim();
            }
        }
        reader.skip(length);
        boolean first;
        synchronized (this) {
            first = amzDates.isEmpty();
            amzDates.add(amzDate);
        }
        byte[] body = (first ? "{\"__type\":\"InvalidSignatureException\",\"message\":\"Signature expired\"}" : "{}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + (first ? "403 Forbidden" : "200 OK") + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(serviceTime.atOffset(ZoneOffset.UTC)) + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
