package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.internal.throttling.RateLimit;
import io.gatepass.server.internal.throttling.ThrottlingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.GameLiftException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A throttled request as each protocol answers it, on a real server whose quotas for a few operations (and for
 * repository tokens) are one request per 100 seconds: the first call goes through, the second is throttled.
 */
class ThrottlingWireTest {
    private static final RateLimit ONE_PER_100_SECONDS = new RateLimit(0.01, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    static TestServer server;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        ThrottlingSettings throttling = ThrottlingSettings.DEFAULT
                .with("gamelift:ListFleets", ONE_PER_100_SECONDS)
                .with("gamelift:ListLocations", ONE_PER_100_SECONDS)
                .with("codeartifact:ListDomains", ONE_PER_100_SECONDS)
                .with("iam:ListUsers", ONE_PER_100_SECONDS)
                .with("repository-token", ONE_PER_100_SECONDS);
        server = TestServer.start(TestServer.config(null, dataDir, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withThrottling(throttling));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void awsJson_throttledCall_isThrottlingException400WithoutRetryAfter() throws Exception {
        Map<String, String> headers = Map.of("X-Amz-Target", "GameLift.ListFleets",
                "Content-Type", "application/x-amz-json-1.1");
        HttpResponse<byte[]> first = server.signed(TestServer.admin(), "gamelift", "/", headers, "{}".getBytes(),
                Clock.systemUTC());
        assertThat(first.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> throttled = server.signed(TestServer.admin(), "gamelift", "/", headers,
                "{}".getBytes(), Clock.systemUTC());

        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
        assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
        assertThat(throttled.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = JSON.readTree(throttled.body());
        assertThat(body.path("__type").asText()).isEqualTo("ThrottlingException");
        assertThat(body.path("message").asText()).isEqualTo("Rate exceeded");

        GameLiftClient sdk = server.gameLift(TestServer.admin());
        GameLiftException fromSdk = catchThrowableOfType(() -> sdk.listFleets(r -> { }), GameLiftException.class);
        assertThat(fromSdk.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(fromSdk.isThrottlingException()).isTrue();

        String metrics = server.send("GET", "/metrics", Map.of(), null).body();
        assertThat(metrics).contains("gatepass_requests_throttled_total{operation=\"ListFleets\",service=\"gamelift\"} 2.0");
    }

    @Test
    void rpcV2Cbor_throttledCall_isThrottlingException400InCbor() throws Exception {
        Map<String, String> headers = Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor",
                "Accept", "application/cbor");
        byte[] empty = CBOR.writeValueAsBytes(Map.of());
        HttpResponse<byte[]> first = server.signed(TestServer.admin(), "gamelift",
                "/service/GameLift/operation/ListLocations", headers, empty, Clock.systemUTC());
        assertThat(first.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> throttled = server.signed(TestServer.admin(), "gamelift",
                "/service/GameLift/operation/ListLocations", headers, empty, Clock.systemUTC());

        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        JsonNode body = CBOR.readTree(throttled.body());
        assertThat(body.path("__type").asText()).isEqualTo("com.amazonaws.gamelift#ThrottlingException");
        assertThat(body.path("message").asText()).isEqualTo("Rate exceeded");
    }

    @Test
    void restJson_throttledCall_isThrottlingException429WithRetryAfterAsModelled() throws Exception {
        CodeartifactClient sdk = server.codeArtifact(TestServer.admin());
        sdk.listDomains(r -> { });

        HttpResponse<byte[]> throttled = server.signed(TestServer.admin(), "codeartifact", "/v1/domains",
                Map.of("Content-Type", "application/json"), "{}".getBytes(), Clock.systemUTC());

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
        assertThat(throttled.headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(90, 100));
        JsonNode body = JSON.readTree(throttled.body());
        assertThat(body.path("message").asText()).isEqualTo("Rate exceeded");
        assertThat(body.has("retryAfterSeconds")).as("a header member, not a body member").isFalse();

        ThrottlingException fromSdk = catchThrowableOfType(() -> sdk.listDomains(r -> { }),
                ThrottlingException.class);
        assertThat(fromSdk.retryAfterSeconds()).isBetween(90, 100);
        assertThat(fromSdk.statusCode()).isEqualTo(429);
        assertThat(fromSdk.isThrottlingException()).isTrue();
    }

    @Test
    void query_throttledCall_isThrottling400InTheXmlErrorShape() throws Exception {
        String form = "Action=ListUsers&Version=2010-05-08";
        HttpResponse<String> first = server.signedQuery(TestServer.admin(), "iam", form, Clock.systemUTC());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        HttpResponse<String> throttled = server.signedQuery(TestServer.admin(), "iam", form, Clock.systemUTC());

        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
        assertThat(throttled.body())
                .contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>")
                .contains("<RequestId>");
    }

    @Test
    void repositoryEndpoint_throttledToken_is429WithRetryAfterInTheFormatsShape() throws Exception {
        CodeartifactClient sdk = server.codeArtifact(TestServer.admin());
        sdk.createDomain(r -> r.domain("busy"));
        sdk.createRepository(r -> r.domain("busy").repository("libs"));
        String npm = sdk.getRepositoryEndpoint(r -> r.domain("busy").repository("libs").format(PackageFormat.NPM))
                .repositoryEndpoint();
        String token = sdk.getAuthorizationToken(r -> r.domain("busy")).authorizationToken();
        HttpClient http = PlainHttp.client();
        HttpRequest packument = HttpRequest.newBuilder(URI.create(npm + "left-pad"))
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<String> first = http.send(packument, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).isEqualTo(404);

        HttpResponse<String> throttled = http.send(packument, HttpResponse.BodyHandlers.ofString());

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(90, 100));
        assertThat(JSON.readTree(throttled.body()).path("error").asText()).startsWith("Rate exceeded");
        String metrics = server.send("GET", "/metrics", Map.of(), null).body();
        assertThat(metrics).contains(
                "gatepass_requests_throttled_total{operation=\"npm\",service=\"codeartifact-repository\"} 1.0");
    }

    @Test
    void unthrottledOperations_ofTheSameAccount_areNotTouched() {
        GameLiftClient sdk = server.gameLift(TestServer.admin());
        assertThatCode(() -> {
            for (int i = 0; i < 20; i++) {
                sdk.describeFleetAttributes(r -> { });
            }
        }).doesNotThrowAnyException();
    }
}
