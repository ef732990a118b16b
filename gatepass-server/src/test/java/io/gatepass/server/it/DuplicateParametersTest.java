package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that says one thing twice is refused, never read as "the first one wins": a repeated Action, a second
 * Authorization header, a second X-Amz-Signature in a presigned URL, a repeated domain= in a REST request.
 */
class DuplicateParametersTest {
    private static final AwsCredentialsIdentity ADMIN =
            AwsCredentialsIdentity.create(TestServer.ADMIN_ID, TestServer.ADMIN_SECRET);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    @Test
    void query_withActionTwice_isMalformedQueryString() throws Exception {
        HttpResponse<String> response = server.signedQuery(TestServer.admin(), "sts",
                "Action=GetCallerIdentity&Version=2011-06-15&Action=GetCallerIdentity", Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<Code>MalformedQueryString</Code>");
    }

    @Test
    void authorizationHeader_twice_isRefused() throws Exception {
        byte[] body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(ADMIN)
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(server.endpoint().resolve("/"))
                        .putHeader("Content-Type", "application/x-www-form-urlencoded").build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestServer.REGION));
        HttpRequest.Builder out = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase())) {
                values.forEach(v -> out.header(name, v));
            }
        });
        out.header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAOTHER/20260101/us-east-1/sts/aws4_request, "
                + "SignedHeaders=host, Signature=" + "0".repeat(64));
        HttpResponse<String> response = HTTP.send(out.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>IncompleteSignature</Code>");
    }

    @Test
    void presignedUrl_withASecondSignature_isRefused() throws Exception {
        URI presigned = AwsV4HttpSigner.create().sign(r -> r.identity(ADMIN)
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                        .uri(server.endpoint().resolve("/?Action=GetCallerIdentity&Version=2011-06-15")).build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestServer.REGION)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))).request().getUri();
        URI doubled = URI.create(presigned + "&X-Amz-Signature=" + "0".repeat(64));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(doubled).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>IncompleteSignature</Code>");
    }

    @Test
    void restJson_withDomainTwice_isSerializationException() throws Exception {
        HttpResponse<byte[]> response = server.signed(TestServer.admin(), "codeartifact",
                "/v1/domain?domain=first-domain&domain=second-domain", Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("SerializationException")
                .contains("domain");
    }
}
