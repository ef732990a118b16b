package io.gatepass.server.internal.api.gatepass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestServer;
import io.gatepass.store.StoredTokenKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatepass's own token key API ({@code GET /gatepass/v1/token-keys}, {@code POST /gatepass/v1/token-keys/rotate}):
 * SigV4-signed for the service {@code gatepass}, authorized as {@code gatepass:ListTokenKeys} and
 * {@code gatepass:RotateTokenKeys} by the callers' policies, errors in the restJson shape; a rotation is in the store
 * (what {@code gatepass keys list} reads) and in the JWKS document at once.
 */
class TokenKeysApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = PlainHttp.client();
    static TestServer server;
    static AwsCredentials lister;
    static AwsCredentials nobody;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        server = TestServer.start(null, dataDir);
        var iam = server.iam(TestServer.admin());
        lister = user(iam, "key-lister");
        iam.putUserPolicy(r -> r.userName("key-lister").policyName("list-keys").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"gatepass:ListTokenKeys",
                 "Resource":"arn:aws:gatepass:*:*:token-key-ring/*"}]}"""));
        nobody = user(iam, "no-policy");
    }

    private static AwsCredentials user(software.amazon.awssdk.services.iam.IamClient iam, String name) {
        iam.createUser(r -> r.userName(name));
        var key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void admin_listsBothRings_oneSigningKeyEach_noSecrets() throws Exception {
        HttpResponse<String> response = call(TestServer.admin(), "GET", "/gatepass/v1/token-keys", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rings = JSON.readTree(response.body()).get("rings");
        assertThat(rings).hasSize(2);
        assertThat(rings.get(0).get("ring").asText()).isEqualTo("compute");
        assertThat(rings.get(0).get("purpose").asText()).isEqualTo(ComputeAuthTokens.KEY_PURPOSE);
        assertThat(rings.get(1).get("ring").asText()).isEqualTo("repository");
        for (JsonNode ring : rings) {
            assertThat(ring.get("keys").findValuesAsText("state")).contains("signing");
            assertThat(ring.get("keys").get(0).get("keyId").asText()).matches("[A-Za-z0-9]{5}");
            assertThat(ring.get("keys").get(0).get("createdAt").isNumber()).isTrue();
        }
        assertThat(response.body()).doesNotContainIgnoringCase("secret");
    }

    @Test
    void admin_rotates_newKeyIsInTheStoreAndTheJwksAtOnce_andVerifiesBeforeItSigns() throws Exception {
        List<String> storedBefore = storedRepositoryKeys();

        HttpResponse<String> response = call(TestServer.admin(), "POST", "/gatepass/v1/token-keys/rotate",
                "{\"ring\":\"repository\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("rotated")).hasSize(1);
        String added = body.get("rotated").get(0).get("keyId").asText();
        assertThat(body.get("rotated").get(0).get("ring").asText()).isEqualTo("repository");
        assertThat(storedBefore).doesNotContain(added);
        assertThat(storedRepositoryKeys()).as("what `gatepass keys list` reads").containsAll(storedBefore)
                .endsWith(added);
        assertThat(jwksKeyIds()).contains(added);
        JsonNode repository = body.get("rings").get(1);
        JsonNode newest = repository.get("keys").get(repository.get("keys").size() - 1);
        assertThat(newest.get("keyId").asText()).isEqualTo(added);
        assertThat(newest.get("state").asText()).as("published, signs once every live node has it")
                .isEqualTo("verifying");
        assertThat(repository.get("keys").findValuesAsText("state")).containsOnlyOnce("signing");
    }

    @Test
    void userAllowedToList_lists_butMayNotRotate_accessDeniedInTheRestJsonShape() throws Exception {
        List<String> before = storedRepositoryKeys();
        assertThat(call(lister, "GET", "/gatepass/v1/token-keys", "").statusCode()).isEqualTo(200);

        HttpResponse<String> rotate = call(lister, "POST", "/gatepass/v1/token-keys/rotate", "{}");

        assertThat(rotate.statusCode()).isEqualTo(403);
        assertThat(rotate.headers().firstValue("x-amzn-ErrorType").orElse("")).startsWith("AccessDeniedException");
        JsonNode error = JSON.readTree(rotate.body());
        assertThat(error.get("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(error.get("message").asText()).contains("gatepass:RotateTokenKeys")
                .contains("token-key-ring/");
        assertThat(storedRepositoryKeys()).isEqualTo(before);
    }

    @Test
    void userWithoutPolicy_mayNotList() throws Exception {
        HttpResponse<String> list = call(nobody, "GET", "/gatepass/v1/token-keys", "");

        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(list.body()).get("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(list.body()).contains("gatepass:ListTokenKeys");
    }

    @Test
    void unsigned_refused_andRotatesNothing() throws Exception {
        List<String> before = storedRepositoryKeys();

        HttpResponse<String> list = server.send("GET", "/gatepass/v1/token-keys", Map.of(), null);
        HttpResponse<String> rotate = server.send("POST", "/gatepass/v1/token-keys/rotate",
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));

        for (HttpResponse<String> response : List.of(list, rotate)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).get("__type").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("rings");
        }
        assertThat(storedRepositoryKeys()).isEqualTo(before);
    }

    @Test
    void unknownRing_validationException() throws Exception {
        HttpResponse<String> response = call(TestServer.admin(), "POST", "/gatepass/v1/token-keys/rotate",
                "{\"ring\":\"everything\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(response.body()).contains("compute, repository or all");
    }

    @Test
    void signedForAnotherService_refused() throws Exception {
        HttpResponse<String> response = call(TestServer.admin(), "codeartifact", "GET", "/gatepass/v1/token-keys", "");

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).doesNotContain("rings");
    }

    private static List<String> storedRepositoryKeys() {
        return server.server().store().tokenKeys().load(RepositoryTokens.KEY_PURPOSE).stream()
                .map(StoredTokenKey::keyId).toList();
    }

    private static List<String> jwksKeyIds() throws Exception {
        HttpResponse<String> response = server.send("GET", "/.well-known/jwks.json", Map.of(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return Pattern.compile("\"kid\":\"([A-Za-z0-9]{5})\"").matcher(response.body()).results()
                .map(m -> m.group(1)).toList();
    }

    private static HttpResponse<String> call(AwsCredentials credentials, String method, String path, String body)
            throws Exception {
        return call(credentials, "gatepass", method, path, body);
    }

    /** A request signed with the SDK's own SigV4 signer for {@code service}, sent as is. */
    private static HttpResponse<String> call(AwsCredentials credentials, String service, String method, String path,
                                             String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(server.endpoint() + path);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        if (!body.isEmpty()) {
            request.putHeader("Content-Type", "application/json");
        }
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestServer.REGION)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.systemUTC()));
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).method(method, body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        List<String> skipped = new ArrayList<>(List.of("host", "content-length"));
        signed.request().headers().forEach((name, values) -> {
            if (!skipped.contains(name.toLowerCase())) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return HTTP.send(out.build(), HttpResponse.BodyHandlers.ofString());
    }
}
