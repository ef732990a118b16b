package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gatepass.server.config.Limits;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each request limit is a clear error in the protocol's shape: query length (414), header count and size (431, also
 * when Netty itself refuses the head), nesting depth and list length in JSON, CBOR and the query protocol; and CBOR
 * that rpcv2Cbor does not allow (non-text map keys, undefined) is a SerializationException.
 */
class RequestLimitsTest {
    private static final int HEADERS = 30;
    private static final int HEADER_BYTES = 4096;
    private static final int QUERY_BYTES = 512;
    private static final int DEPTH = 8;
    private static final int LIST = 10;
    private static final CBORMapper CBOR = new CBORMapper();
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension(dir -> TestServer.start(
            TestServer.config(null, dir, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                    .withLimits(Limits.DEFAULTS.withRequestShape(HEADERS, HEADER_BYTES, QUERY_BYTES, DEPTH, LIST))));
    static TestServer server;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    @Test
    void queryString_overTheLimit_is414InTheQueryShape() throws Exception {
        HttpResponse<String> response = server.send("GET", "/?Action=GetCallerIdentity&Pad=" + "x".repeat(QUERY_BYTES),
                Map.of(), null);
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.body()).contains("<Code>RequestURITooLong</Code>");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void requestLine_overNettysOwnLimit_is414InTheQueryShape() throws Exception {
        String answer = raw("GET /?Pad=" + "x".repeat(QUERY_BYTES + 9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(answer).matches("(?s)HTTP/1\\.[01] 414.*").contains("<Code>RequestURITooLong</Code>")
                .containsIgnoringCase("x-amzn-RequestId");
    }

    @Test
    void headers_overTheCount_are431InTheJsonShape() throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of("X-Amz-Target", "GameLift.ListFleets",
                "Content-Type", "application/x-amz-json-1.1"));
        for (int i = 0; i < HEADERS; i++) {
            headers.put("X-Pad-" + i, "x");
        }
        HttpResponse<String> response = server.send("POST", "/", headers, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).contains("RequestHeaderSectionTooLarge");
    }

    @Test
    void headers_overNettysOwnLimit_are431InTheQueryShape() throws Exception {
        String answer = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Pad: " + "x".repeat(HEADER_BYTES + 2048)
                + "\r\n\r\n");
        assertThat(answer).matches("(?s)HTTP/1\\.[01] 431.*").contains("<Code>RequestHeaderSectionTooLarge</Code>");
    }

    @Test
    void json_nestedTooDeep_isSerializationException() throws Exception {
        String body = "{\"Junk\":" + "[".repeat(DEPTH + 2) + "]".repeat(DEPTH + 2) + "}";
        HttpResponse<byte[]> response = json("ListFleets", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("SerializationException")
                .contains("nested too deeply");
    }

    @Test
    void json_listOverTheLimit_isTheServicesValidationError() throws Exception {
        HttpResponse<byte[]> response = json("ListFleets", "{\"Junk\":[" + "1,".repeat(LIST) + "1]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("InvalidRequestException")
                .contains("less than or equal to " + LIST);
    }

    @Test
    void query_listOverTheLimit_isValidationError() throws Exception {
        HttpResponse<String> response = server.signedQuery(TestServer.admin(), "iam",
                "Action=ListUsers&Version=2010-05-08&Junk.member.50=x", Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>ValidationError</Code>");
    }

    @Test
    void cbor_withANonTextMapKey_isSerializationException() throws Exception {
        HttpResponse<byte[]> response = cbor("ListFleets", new byte[] {(byte) 0xa1, 0x01, 0x61, 'x'});
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorType(response)).endsWith("SerializationException");
    }

    @Test
    void cbor_withUndefinedForAnInteger_isSerializationException() throws Exception {
        byte[] body = {(byte) 0xa1, 0x65, 'L', 'i', 'm', 'i', 't', (byte) 0xf7};
        HttpResponse<byte[]> response = cbor("ListFleets", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorType(response)).endsWith("SerializationException");
    }

    @Test
    void cbor_nestedTooDeep_isSerializationException() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {(byte) 0xa1, 0x64, 'J', 'u', 'n', 'k'});
        for (int i = 0; i < DEPTH + 2; i++) {
            body.write(0x81); // an array of one item
        }
        body.write(0x01);
        HttpResponse<byte[]> response = cbor("ListFleets", body.toByteArray());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorType(response)).endsWith("SerializationException");
    }

    @Test
    void cbor_withinTheLimits_stillWorks() throws Exception {
        HttpResponse<byte[]> response = cbor("ListFleets", CBOR.writeValueAsBytes(Map.of("Limit", 5)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<byte[]> json(String operation, String body) throws Exception {
        return server.signed(TestServer.admin(), "gamelift", "/", Map.of("X-Amz-Target", "GameLift." + operation,
                "Content-Type", "application/x-amz-json-1.1"), body.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    }

    private static HttpResponse<byte[]> cbor(String operation, byte[] body) throws Exception {
        return server.signed(TestServer.admin(), "gamelift", "/service/GameLift/operation/" + operation,
                Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor",
                        "Accept", "application/cbor"), body, Clock.systemUTC());
    }

    private static String errorType(HttpResponse<byte[]> response) throws IOException {
        JsonNode error = CBOR.readTree(response.body());
        return error.path("__type").asText();
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
