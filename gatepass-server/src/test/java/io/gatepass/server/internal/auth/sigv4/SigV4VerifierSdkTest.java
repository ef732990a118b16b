package io.gatepass.server.internal.auth.sigv4;

import static io.gatepass.server.internal.auth.sigv4.SdkSigning.NOW;
import static io.gatepass.server.internal.auth.sigv4.SdkSigning.request;
import static io.gatepass.server.internal.auth.sigv4.SdkSigning.signing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.internal.auth.sigv4.SdkSigning.Wire;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Requests signed by the AWS SDK for Java v2's signer, in both forms, verify with the right scope and identity. */
class SigV4VerifierSdkTest {
    private static final String QUERY_BODY = "Action=GetCallerIdentity&Version=2011-06-15";

    private final TestSecrets secrets = new TestSecrets();
    private final SigV4Verifier<String> verifier = new SigV4Verifier<>(SdkSigning.POLICY, secrets, SdkSigning.CLOCK);

    private VerifiedRequest<String> verify(Wire wire) {
        return verifier.verify(wire.toSignedRequest());
    }

    private static SdkSigning.Signing queryProtocol() {
        return signing(request("POST", "/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), QUERY_BODY);
    }

    @Test
    void verify_whenQueryProtocolPostSignedInHeader_returnsKeyScopeAndIdentity() {
        Wire wire = queryProtocol().sign();

        VerifiedRequest<String> verified = verify(wire);

        assertThat(verified.accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY_ID);
        assertThat(verified.scope()).isEqualTo(new CredentialScope("20260101", "us-west-2", "sts"));
        assertThat(verified.scope()).hasToString("20260101/us-west-2/sts/aws4_request");
        assertThat(verified.identity()).isEqualTo("identity-of-" + SdkSigning.ACCESS_KEY_ID);
        assertThat(verified.location()).isEqualTo(AuthLocation.HEADER);
        assertThat(verified.sessionToken()).isNull();
        assertThat(verified.signedAt()).isEqualTo(NOW);
        assertThat(verified.signedHeaders())
                .containsExactly("content-type", "host", "x-amz-content-sha256", "x-amz-date");
        assertThat(secrets.tokensSeen).containsExactly((String) null);
    }

    @Test
    void verify_whenQueryProtocolPostWithSessionToken_passesTokenToResolverAndReturnsIt() {
        Wire wire = queryProtocol().credentials(SdkSigning.temporary()).sign();

        VerifiedRequest<String> verified = verify(wire);

        assertThat(verified.accessKeyId()).isEqualTo(SdkSigning.TEMP_ACCESS_KEY_ID);
        assertThat(verified.sessionToken()).isEqualTo(SdkSigning.SESSION_TOKEN);
        assertThat(verified.signedHeaders()).contains("x-amz-security-token");
        assertThat(secrets.tokensSeen).containsExactly(SdkSigning.SESSION_TOKEN);
        assertThat(verified.toString()).doesNotContain(SdkSigning.SESSION_TOKEN);
    }

    @Test
    void verify_whenQueryProtocolPresigned_returnsQueryStringLocation() {
        Wire wire = queryProtocol().presigned(Duration.ofMinutes(5)).sign();

        VerifiedRequest<String> verified = verify(wire);

        assertThat(wire.header("Authorization")).isNull();
        assertThat(verified.location()).isEqualTo(AuthLocation.QUERY_STRING);
        assertThat(verified.scope().service()).isEqualTo("sts");
        assertThat(verified.signedHeaders()).containsExactly("content-type", "host");
    }

    @Test
    void verify_whenPresignedWithSessionToken_takesTokenFromQuery() {
        Wire wire = queryProtocol().credentials(SdkSigning.temporary()).presigned(Duration.ofHours(1)).sign();

        VerifiedRequest<String> verified = verify(wire);

        assertThat(wire.query()).contains("X-Amz-Security-Token=");
        assertThat(verified.sessionToken()).isEqualTo(SdkSigning.SESSION_TOKEN);
        assertThat(verified.location()).isEqualTo(AuthLocation.QUERY_STRING);
    }

    @Test
    void verify_whenPresignedGetCallerIdentityInQuery_verifies() {
        Wire wire = signing(request("GET", "/")
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15"), (String) null)
                .presigned(Duration.ofSeconds(60)).sign();

        assertThat(verify(wire).location()).isEqualTo(AuthLocation.QUERY_STRING);
    }

    @Test
    void verify_whenPresignedWithoutExpires_verifiesWithinFifteenMinutes() {
        Wire wire = queryProtocol().presigned(null).sign();

        assertThat(wire.query()).doesNotContain("X-Amz-Expires");
        assertThat(verify(wire).location()).isEqualTo(AuthLocation.QUERY_STRING);
    }

    @Test
    void verify_whenIamSignedForUsEast1_acceptsGlobalRegion() {
        Wire wire = signing(request("POST", "/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                "Action=ListUsers&Version=2010-05-08").service("iam").region("us-east-1").sign();

        assertThat(verify(wire).scope()).isEqualTo(new CredentialScope("20260101", "us-east-1", "iam"));
    }

    @Test
    void verify_whenAwsJsonWithTarget_verifiesForGameLift() {
        Wire wire = signing(request("POST", "/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "GameLift.GetComputeAuthToken"),
                "{\"FleetId\":\"fleet-1234\",\"ComputeName\":\"compute-1\"}")
                .service("gamelift").credentials(SdkSigning.temporary()).sign();

        VerifiedRequest<String> verified = verifier.verify(wire.toSignedRequest(), "gamelift");

        assertThat(verified.scope().service()).isEqualTo("gamelift");
        assertThat(verified.signedHeaders()).contains("x-amz-target", "content-type");
    }

    @Test
    void verify_whenRpcV2CborPath_verifies() {
        byte[] cbor = {(byte) 0xbf, 0x67, 'F', 'l', 'e', 'e', 't', 'I', 'd', 0x61, 'f', (byte) 0xff};
        Wire wire = signing(request("POST", "/service/GameLift/operation/GetComputeAuthToken")
                .putHeader("smithy-protocol", "rpc-v2-cbor")
                .putHeader("Content-Type", "application/cbor")
                .putHeader("Accept", "application/cbor"), cbor)
                .service("gamelift").sign();

        assertThat(verify(wire).scope().service()).isEqualTo("gamelift");
    }

    @Test
    void verify_whenRestPathAndQueryNeedEncoding_verifiesBothForms() {
        String path = "/v1/package/" + SdkHttpUtils.urlEncode("@scope/name with space+plus~tilde")
                + "/versions/" + SdkHttpUtils.urlEncode("1.0.0-é日本");
        for (boolean presigned : new boolean[] {false, true}) {
            SdkSigning.Signing signing = signing(request("POST", path)
                    .putRawQueryParameter("domain", "my domain")
                    .putRawQueryParameter("domain-owner", "111122223333")
                    .putRawQueryParameter("namespace", "a/b+c~d%e")
                    .putRawQueryParameter("unicode", "ü€😀")
                    .putRawQueryParameter("repeated", List.of("b", "a", "a b"))
                    .putRawQueryParameter("flag", (String) null)
                    .putHeader("Content-Type", "application/json"), "{}").service("codeartifact");
            Wire wire = presigned ? signing.presigned(Duration.ofMinutes(15)).sign() : signing.sign();

            assertThat(wire.path()).contains("%2F").contains("%20").contains("%2B").contains("~");
            assertThat(verify(wire).scope().service()).isEqualTo("codeartifact");
        }
    }

    @Test
    void verify_whenPathHasDotSegmentsAndDoubleSlashes_normalizesAsTheSdk() {
        for (String path : List.of("/a/./b", "/a/b/../c", "//a//b//", "/a/b/.", "/a/b/..", "/..", "/a/%2E%2E/b",
                "/a%2Fb/../c", "/./", "")) {
            Wire wire = signing(request("GET", path), (String) null).service("codeartifact").sign();

            assertThat(verify(wire).scope().service()).as(path).isEqualTo("codeartifact");
        }
    }

    @Test
    void verify_whenBodyGivenAsPrecomputedHash_verifies() {
        Wire wire = queryProtocol().sign();
        String hash = Crypto.hex(Crypto.get().sha256(QUERY_BODY.getBytes(StandardCharsets.UTF_8)));

        VerifiedRequest<String> verified = verifier.verify(SignedRequest.withPayloadHash(wire.method(), wire.path(),
                wire.query(), RequestHeaders.of(wire.headers()), hash));

        assertThat(verified.accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY_ID);
    }

    @Test
    void verify_whenUnsignedHeaderAdded_stillVerifies() {
        Wire wire = queryProtocol().sign()
                .withHeader("User-Agent", "aws-cli/2.15.0")
                .withHeader("X-Forwarded-For", "10.0.0.1");

        assertThat(verify(wire).signedHeaders()).doesNotContain("user-agent", "x-forwarded-for");
    }

    @Test
    void verify_whenHeaderNamesArriveInOtherCase_stillVerifies() {
        Wire signed = queryProtocol().sign();
        Wire wire = signed.withHeader("CONTENT-TYPE", signed.header("content-type"))
                .withHeader("host", signed.header("Host"))
                .withHeader("X-AMZ-DATE", signed.header("x-amz-date"));

        assertThat(verify(wire).accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY_ID);
    }

    @Test
    void verify_whenKeyCacheDisabled_verifiesAlike() {
        SigV4Verifier<String> uncached = new SigV4Verifier<>(SdkSigning.POLICY, secrets, SdkSigning.CLOCK, 0);

        assertThat(uncached.verify(queryProtocol().sign().toSignedRequest()).scope().service()).isEqualTo("sts");
    }

    @Test
    void verify_whenSameRequestVerifiedTwice_usesCachedKeyAndStillVerifies() {
        Wire wire = queryProtocol().sign();

        verify(wire);

        assertThat(verify(wire).accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY_ID);
    }

    @Test
    void verify_whenSignedWithinSkewWindow_acceptsBothEdges() {
        for (Instant at : List.of(NOW.minusSeconds(15 * 60), NOW.plusSeconds(15 * 60))) {
            Wire wire = queryProtocol().at(at).sign();

            assertThat(verify(wire).signedAt()).isEqualTo(at);
        }
    }

    @Test
    void verify_whenTheKeysSecretWasRotatedAfterACachedSuccess_refusesTheOldSecretAndAcceptsTheNew() {
        String rotated = "RotatedSecretForTheSameAccessKeyIdEXAMPLE";
        Wire oldSigned = queryProtocol().sign();
        Wire newSigned = queryProtocol().credentials(AwsCredentialsIdentity.create(SdkSigning.ACCESS_KEY_ID, rotated))
                .sign();
        verify(oldSigned); // the signing key for the old secret is now cached

        secrets.with(SdkSigning.ACCESS_KEY_ID, rotated);

        assertThatThrownBy(() -> verify(oldSigned)).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.errorCode()).isEqualTo(CommonErrors.SIGNATURE_DOES_NOT_MATCH));
        assertThat(verify(newSigned).identity()).isEqualTo("identity-of-" + SdkSigning.ACCESS_KEY_ID);
    }
}
