package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests to paths nothing serves, and requests that are not HTTP at all, get errors in an AWS shape. */
class UnroutedPathTest {
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();

    @Test
    void unknownPath_unsigned_isAnAwsErrorWithARequestId() throws Exception {
        // (/gamelift/sdk is the SDK websocket: a refused handshake is a bare 403, as a websocket client expects)
        for (String path : new String[] {"/nowhere", "/favicon.ico", "/v1/nowhere", "/service/Nothing/operation/X"}) {
            HttpResponse<String> response = GATEPASS.server().send("GET", path, Map.of(), null);
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.headers().firstValue("x-amzn-RequestId")).as(path).isPresent();
            assertThat(response.body()).as(path).containsAnyOf("<Code>", "__type", "\"error\"", "message");
        }
    }

    @Test
    void answersHeaders_areSpelledOnTheWireAsAwsSpellsThem() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", GATEPASS.server().endpoint().getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: GameLift.ListFleets\r\n"
                    + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
            String head = answer.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
            assertThat(head).contains("\r\nContent-Type: application/x-amz-json-1.1\r\n")
                    .containsPattern("\r\nx-amzn-ErrorType: [A-Za-z]+(\r\n|$)")
                    .containsPattern("\r\nx-amzn-RequestId: [0-9a-f-]{36}(\r\n|$)");
        }
    }

    @Test
    void garbageInsteadOfHttp_isA400InTheQueryShape() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", GATEPASS.server().endpoint().getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
            assertThat(answer.toString(StandardCharsets.UTF_8)).matches("(?s)HTTP/1\\.[01] 400.*")
                    .contains("<Code>BadRequest</Code>");
        }
    }
}
