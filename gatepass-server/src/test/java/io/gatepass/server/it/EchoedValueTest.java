package io.gatepass.server.it;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A validation error quotes at most 256 characters of the bad value, marked with "...", in every protocol: a
 * 300,000-character input gives an error of a few hundred bytes.
 */
class EchoedValueTest {
    private static final String HUGE = "a".repeat(300_000);
    private static final String QUOTED = "'" + "a".repeat(256) + "...'";
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();

    @Test
    void query_hugeUserName_isEchoedTruncated() throws Exception {
        HttpResponse<String> response = GATEPASS.server().signedQuery(TestServer.admin(), "iam",
                "Action=CreateUser&Version=2010-05-08&UserName=" + HUGE, Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>ValidationError</Code>").contains("a".repeat(256) + "...")
                .doesNotContain("a".repeat(257));
        assertThat(response.body().length()).isLessThan(2000);
    }

    @Test
    void awsJson_hugeLocationName_isEchoedTruncated() throws Exception {
        HttpResponse<byte[]> response = GATEPASS.server().signed(TestServer.admin(), "gamelift", "/",
                Map.of("X-Amz-Target", "GameLift.CreateLocation", "Content-Type", "application/x-amz-json-1.1"),
                ("{\"LocationName\":\"custom-" + HUGE + "\"}").getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body).contains("...'").doesNotContain("a".repeat(300));
        assertThat(body.length()).isLessThan(2000);
    }

    @Test
    void rpcV2Cbor_hugeLocationName_isEchoedTruncated() throws Exception {
        HttpResponse<byte[]> response = GATEPASS.server().signed(TestServer.admin(), "gamelift",
                "/service/GameLift/operation/CreateLocation", Map.of("smithy-protocol", "rpc-v2-cbor",
                        "Content-Type", "application/cbor", "Accept", "application/cbor"),
                new CBORMapper().writeValueAsBytes(Map.of("LocationName", "custom-" + HUGE)), Clock.systemUTC());
        String message = new CBORMapper().readTree(response.body()).path("message").asText();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message).contains("...'").doesNotContain("a".repeat(300));
        assertThat(response.body().length).isLessThan(2000);
    }

    @Test
    void restJson_hugeDomainName_isEchoedTruncated() throws Exception {
        HttpResponse<byte[]> response = GATEPASS.server().signed(TestServer.admin(), "codeartifact",
                "/v1/domain?domain=" + "a".repeat(10_000), Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body).contains(QUOTED).doesNotContain("a".repeat(257));
        assertThat(body.length()).isLessThan(2000);
    }
}
