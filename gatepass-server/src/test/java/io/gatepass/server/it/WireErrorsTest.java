package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a client that gets the protocol wrong sees: the protocol's own error shape with the right code and status,
 * a request id, and never a stack trace. Also the ops endpoints.
 */
class WireErrorsTest {
    private static final int BODY_LIMIT = 4096;
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension(
            dir -> TestServer.start(null, dir, BODY_LIMIT));
    static TestServer server;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    private static void assertNoInternals(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body()).doesNotContain("Exception:").doesNotContain("at io.gatepass")
                .doesNotContain("java.");
    }

    @Test
    void query_whenUnsigned_isMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = server.send("POST", "/", Map.of("Content-Type",
                "application/x-www-form-urlencoded"), "Action=GetCallerIdentity&Version=2011-06-15".getBytes());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("<ErrorResponse").contains("<Code>MissingAuthenticationToken</Code>");
        assertNoInternals(response);
    }

    @Test
    void query_whenActionUnknown_isInvalidAction() throws Exception {
        HttpResponse<String> response = server.signedQuery(TestServer.admin(), "sts",
                "Action=GetFooBar&Version=2011-06-15", Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>")
                .contains("Could not find operation GetFooBar for version 2011-06-15");
        assertNoInternals(response);
    }

    @Test
    void query_whenActionMissing_isMissingAction() throws Exception {
        HttpResponse<String> response = server.signedQuery(TestServer.admin(), "sts", "Version=2011-06-15",
                Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MissingAction</Code>");
    }

    @Test
    void query_whenActionBelongsToAnotherServiceThanTheScope_isRefused() throws Exception {
        HttpResponse<String> response = server.signedQuery(TestServer.admin(), "sts",
                "Action=ListUsers&Version=2010-05-08", Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>");
    }

    @Test
    void query_whenParameterHasWrongType_isValidationError() throws Exception {
        HttpResponse<String> response = server.signedQuery(TestServer.admin(), "iam",
                "Action=ListUsers&Version=2010-05-08&MaxItems=lots", Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>ValidationError</Code>");
        assertNoInternals(response);
    }

    @Test
    void query_whenSignedForAnotherRegion_saysWhichRegionIsExpected() throws Exception {
        HttpResponse<String> response = server.send("POST", "/", Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "X-Amz-Date", "20260101T000000Z",
                "Authorization", "AWS4-HMAC-SHA256 Credential=" + TestServer.ADMIN_ID
                        + "/20260101/eu-west-3/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                        + "0".repeat(64)), "Action=GetCallerIdentity".getBytes());
        assertThat(response.statusCode()).isBetween(400, 403);
        assertThat(response.body()).containsAnyOf("eu-west-3", "Signature expired");
        assertNoInternals(response);
    }

    @Test
    void body_overTheLimit_is413InTheProtocolShape() throws Exception {
        String form = "Action=GetCallerIdentity&Version=2011-06-15&Pad=" + "x".repeat(BODY_LIMIT);
        HttpResponse<String> response = server.send("POST", "/", Map.of("Content-Type",
                "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<Code>RequestEntityTooLarge</Code>").contains(String.valueOf(BODY_LIMIT));
        assertNoInternals(response);
    }

    @Test
    void awsJson_whenUnsigned_isMissingAuthenticationTokenException() throws Exception {
        HttpResponse<String> response = server.send("POST", "/", Map.of(
                "Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "GameLift.ListFleets"), "{}".getBytes());
        assertThat(response.statusCode()).isEqualTo(400); // as GameLift (awsJson1_1) answers it
        assertThat(response.body()).contains("\"__type\"").contains("MissingAuthenticationToken");
        assertNoInternals(response);
    }

    @Test
    void health_whenStoreIsMigrated_isUpWithJson() throws Exception {
        HttpResponse<String> response = server.send("GET", "/health", Map.of(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"store\":\"h2\"");
    }

    @Test
    void metrics_afterRequests_countThemByServiceOperationAndOutcome() throws Exception {
        server.sts(TestServer.admin()).getCallerIdentity();
        server.send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "Action=GetCallerIdentity".getBytes());
        String metrics = server.send("GET", "/metrics", Map.of(), null).body();
        assertThat(metrics).contains("gatepass_requests_seconds_count{")
                .containsPattern("gatepass_requests_seconds_count\\{[^}]*operation=\"GetCallerIdentity\""
                        + "[^}]*outcome=\"success\"[^}]*service=\"sts\"")
                .contains("outcome=\"client_error\"")
                .contains("gatepass_requests_seconds_bucket");
    }

    /**
     * A signature refused before the caller is known is still answered as the service asked answers it: GameLift,
     * an awsJson1_1 service, with 400s (as AWS's JSON-RPC services answer them), CodeArtifact, a restJson one, with
     * 403s; the SDKs see the same error codes either way.
     */
    @Test
    void refusedSignatures_areSpelledAsTheServiceAskedSpellsThem() {
        AwsCredentials admin = TestServer.admin();
        AwsCredentials wrongSecret = AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey() + "x");
        AwsCredentials unknownKey = AwsBasicCredentials.create("AKIAZZZZZZZZZZZZZZZZ", admin.secretAccessKey());

        assertRefused(() -> server.gameLift(wrongSecret).listFleets(r -> { }), 400, "InvalidSignatureException");
        assertRefused(() -> server.gameLift(unknownKey).listFleets(r -> { }), 400, "UnrecognizedClientException");
        assertRefused(() -> server.codeArtifact(wrongSecret).listDomains(r -> { }), 403, "InvalidSignatureException");
        assertRefused(() -> server.codeArtifact(unknownKey).listDomains(r -> { }), 403,
                "UnrecognizedClientException");
        assertRefused(() -> server.sts(wrongSecret).getCallerIdentity(), 403, "SignatureDoesNotMatch");
    }

    private static void assertRefused(Runnable call, int status, String code) {
        AwsServiceException refused = catchThrowableOfType(call::run, AwsServiceException.class);
        assertThat(refused).as(code).isNotNull();
        assertThat(refused.statusCode()).as(code).isEqualTo(status);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo(code);
    }
}
