package io.gatepass.server.internal.auth.sigv4;

import static io.gatepass.server.internal.auth.sigv4.SdkSigning.NOW;
import static io.gatepass.server.internal.auth.sigv4.SdkSigning.request;
import static io.gatepass.server.internal.auth.sigv4.SdkSigning.signing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.auth.sigv4.SdkSigning.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every way verification fails, with AWS's code and message, checked in AWS's order. */
class SigV4VerifierErrorTest {
    private static final String ZEROS = "0".repeat(64);
    private static final String CREDENTIAL = SdkSigning.ACCESS_KEY_ID + "/20260101/us-west-2/sts/aws4_request";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";

    private final TestSecrets secrets = new TestSecrets();
    private final SigV4Verifier<String> verifier = verifierAt(NOW);

    private SigV4Verifier<String> verifierAt(Instant now) {
        return new SigV4Verifier<>(SdkSigning.POLICY, secrets, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A hand-made GET / with host and x-amz-date, plus the given header pairs. */
    private static Wire handMade(String query, String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("localhost:8080"));
        headers.put("X-Amz-Date", List.of("20260101T000000Z"));
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        return new Wire("GET", "/", query, headers, new byte[0]);
    }

    private static Wire withAuthorization(String authorization) {
        return handMade(null, "Authorization", authorization);
    }

    private static String authorization(String credential, String signedHeaders) {
        return "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders + ", Signature="
                + ZEROS;
    }

    private ServiceException failure(SigV4Verifier<String> v, Wire wire) {
        return catchThrowableOfType(ServiceException.class, () -> v.verify(wire.toSignedRequest()));
    }

    private ServiceException failure(Wire wire) {
        return failure(verifier, wire);
    }

    private static void assertError(ServiceException e, String code, String message) {
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static SdkSigning.Signing stsCall() {
        return signing(request("POST", "/").putHeader("Content-Type", "application/x-www-form-urlencoded"),
                "Action=GetCallerIdentity&Version=2011-06-15");
    }

    // --- presence and shape -------------------------------------------------------------------------------------

    @Test
    void verify_whenNoAuthorizationHeaderAndNoAlgorithmParameter_failsWithMissingAuthenticationToken() {
        ServiceException e = failure(handMade("Action=GetCallerIdentity"));

        assertError(e, "MissingAuthenticationToken", "Request is missing Authentication Token");
        assertThat(e.errorCode()).isEqualTo(CommonErrors.MISSING_AUTHENTICATION_TOKEN);
    }

    @Test
    void verify_whenAuthorizationHeaderBlank_failsWithMissingAuthenticationToken() {
        assertError(failure(withAuthorization("  ")), "MissingAuthenticationToken",
                "Request is missing Authentication Token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "Basic YXdzOnNlY3JldA==", "AWS4-HMAC-SHA512 Credential=x",
            "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=", "AWS4-ECDSA-P256-SHA256 Credential=x"})
    void verify_whenAuthorizationHasAnotherScheme_failsWithIncompleteSignatureNamingIt(String header) {
        String scheme = header.substring(0, header.indexOf(' '));

        assertError(failure(withAuthorization(header)), "IncompleteSignature",
                "Unsupported AWS 'algorithm': '" + scheme + "'.");
    }

    @Test
    void verify_whenAuthorizationIsABareToken_doesNotEchoIt() {
        String token = "gp-compute-3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c-secretpart";

        assertError(failure(withAuthorization(token)), "IncompleteSignature", "Unsupported AWS 'algorithm': 'gp-c…'.");
    }

    @Test
    void verify_whenAuthorizationPairLacksEqualSign_failsWithIncompleteSignatureAndHidesSignature() {
        String header = "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders host, Signature=" + ZEROS;

        assertError(failure(withAuthorization(header)), "IncompleteSignature",
                "'SignedHeaders host' not a valid key=value pair (missing equal-sign) in Authorization header: "
                        + "'AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
                        + ", SignedHeaders host, Signature=<redacted>'.");
    }

    @Test
    void verify_whenAuthorizationHasNoParametersAndNoDate_listsEverythingMissing() {
        Wire wire = withAuthorization("AWS4-HMAC-SHA256 Foo=Bar, Baz=Burp").withHeader("X-Amz-Date");

        assertError(failure(wire), "IncompleteSignature", "Authorization header requires 'Credential' parameter."
                + " Authorization header requires 'Signature' parameter."
                + " Authorization header requires 'SignedHeaders' parameter."
                + " Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
                + " Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void verify_whenAuthorizationIsOnlyTheAlgorithm_listsTheThreeParameters() {
        assertError(failure(withAuthorization("AWS4-HMAC-SHA256")), "IncompleteSignature",
                "Authorization header requires 'Credential' parameter."
                        + " Authorization header requires 'Signature' parameter."
                        + " Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void verify_whenAuthorizationLacksSignature_namesIt() {
        String header = "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host;x-amz-date";

        assertError(failure(withAuthorization(header)), "IncompleteSignature",
                "Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void verify_whenNoDateHeader_failsWithIncompleteSignature() {
        Wire wire = withAuthorization(authorization(CREDENTIAL, "host;x-amz-date")).withHeader("X-Amz-Date");

        assertError(failure(wire), "IncompleteSignature", "Authorization header requires existence of either a"
                + " 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void verify_whenAuthorizationHeaderAndAlgorithmParameterBoth_failsWithSignatureDoesNotMatch() {
        Wire wire = handMade("X-Amz-Algorithm=AWS4-HMAC-SHA256", "Authorization",
                authorization(CREDENTIAL, "host;x-amz-date"));

        assertError(failure(wire), "SignatureDoesNotMatch",
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    @Test
    void verify_whenPresignedAlgorithmUnsupported_failsWithMissingAuthenticationToken() {
        assertError(failure(handMade("X-Amz-Algorithm=AWS4-HMAC-SHA1&X-Amz-Credential=x")),
                "MissingAuthenticationToken", "Request is missing Authentication Token");
    }

    @Test
    void verify_whenPresignedParametersMissing_listsThem() {
        assertError(failure(handMade("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-SignedHeaders=host")),
                "IncompleteSignature", "AWS query-string parameters must include 'X-Amz-Credential'."
                        + " AWS query-string parameters must include 'X-Amz-Signature'."
                        + " AWS query-string parameters must include 'X-Amz-Date'."
                        + " Re-examine the query-string parameters.");
    }

    @Test
    void verify_whenHostNotSigned_failsWithSignatureDoesNotMatch() {
        Wire header = withAuthorization(authorization(CREDENTIAL, "x-amz-date"));
        Wire presigned = handMade("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL.replace("/", "%2F")
                + "&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=x-amz-date&X-Amz-Signature=" + ZEROS);

        for (Wire wire : List.of(header, presigned)) {
            assertError(failure(wire), "SignatureDoesNotMatch",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015/08/30T12/36/00Z", "20260101T000000", "20261301T000000Z", "2026-01-01T00:00:00Z",
            "Thu, 01 Jan 2026 00:00:00 GMT"})
    void verify_whenAmzDateNotIso8601Basic_failsWithIncompleteSignature(String date) {
        Wire wire = withAuthorization(authorization(CREDENTIAL, "host;x-amz-date")).withHeader("X-Amz-Date", date);

        assertError(failure(wire), "IncompleteSignature",
                "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void verify_whenDateHeaderUnparseable_failsWithIncompleteSignature() {
        Wire wire = withAuthorization(authorization(CREDENTIAL, "date;host")).withHeader("X-Amz-Date")
                .withHeader("Date", "yesterday");

        assertError(failure(wire), "IncompleteSignature",
                "Date must be in ISO-8601 'basic format'. Got 'yesterday'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void verify_whenHostCheckAndDateBothFail_reportsHostFirstAsAwsDoes() {
        Wire wire = withAuthorization(authorization("bad", "x-amz-date")).withHeader("X-Amz-Date", "bad");

        assertThat(failure(wire).getMessage()).startsWith("'Host' or ':authority'");
    }

    @Test
    void verify_whenQueryStringMalformed_failsWithMalformedQueryStringBeforeAnythingElse() {
        assertError(failure(handMade("a=%zz")), "MalformedQueryString",
                "Illegal hex character in escape % pattern: %zz");
        assertError(failure(handMade("a=b&c=%4")), "MalformedQueryString", "Incomplete trailing escape % sequence");
        assertError(failure(handMade("%")), "MalformedQueryString", "Incomplete trailing escape % sequence");
        assertThat(failure(handMade("a=%4")).httpStatus()).as("AWS documents MalformedQueryString as 404").isEqualTo(404);
    }

    // --- time ---------------------------------------------------------------------------------------------------

    @Test
    void verify_whenSignedMoreThanFifteenMinutesBeforeClock_failsWithSignatureExpired() {
        Wire wire = stsCall().at(Instant.parse("2026-01-01T00:00:00Z")).sign();

        assertError(failure(verifierAt(Instant.parse("2026-01-01T00:25:00Z")), wire), "SignatureDoesNotMatch",
                "Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T002500Z - 15 min.)");
    }

    @Test
    void verify_whenSignedMoreThanFifteenMinutesAfterClock_failsWithSignatureNotYetCurrent() {
        Wire wire = stsCall().at(Instant.parse("2026-01-01T00:40:00Z")).sign();

        assertError(failure(verifierAt(Instant.parse("2026-01-01T00:20:00Z")), wire), "SignatureDoesNotMatch",
                "Signature not yet current: 20260101T004000Z is still later than 20260101T003500Z"
                        + " (20260101T002000Z + 15 min.)");
    }

    @Test
    void verify_whenOtherServicesRequestIsStale_failsWithRequestExpiredAsAwsDoes() {
        Wire wire = stsCall().service("gamelift").sign();

        ServiceException e = failure(verifierAt(Instant.parse("2026-01-01T00:25:00Z")), wire);

        assertError(e, "RequestExpired",
                "Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T002500Z - 15 min.)");
        assertThat(CommonErrors.forJson(e.errorCode()).code()).isEqualTo("InvalidSignatureException");
        assertThat(failure(verifierAt(Instant.parse("2025-12-31T23:44:59Z")), wire).code()).isEqualTo("RequestExpired");
    }

    @Test
    void verify_whenClockSkewJustInsideOrOutsideFifteenMinutes_acceptsOrRejects() {
        Instant signedAt = Instant.parse("2026-01-01T12:00:00Z");
        Wire wire = stsCall().at(signedAt).sign();

        for (long skew : new long[] {-900, -899, 0, 899, 900}) {
            assertThat(verifierAt(signedAt.plusSeconds(skew)).verify(wire.toSignedRequest()).signedAt())
                    .as("clock %d s from the signature", skew).isEqualTo(signedAt);
        }
        assertThat(failure(verifierAt(signedAt.plusSeconds(901)), wire).getMessage())
                .startsWith("Signature expired: 20260101T120000Z is now earlier than 20260101T120001Z");
        assertThat(failure(verifierAt(signedAt.minusSeconds(901)), wire).getMessage())
                .startsWith("Signature not yet current: 20260101T120000Z is still later than 20260101T115959Z");
        assertThat(failure(verifierAt(signedAt.plusMillis(900_999)), wire)).isNull();
    }

    // --- credential scope ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"AKIAGATEPASSTEST0001", "AKIAGATEPASSTEST0001/20260101/us-west-2/sts",
            "AKIAGATEPASSTEST0001/20260101/us-west-2/sts/aws4_request/extra", ""})
    void verify_whenCredentialNotFiveElements_failsWithIncompleteSignature(String credential) {
        assertError(failure(withAuthorization(authorization(credential, "host;x-amz-date"))), "IncompleteSignature",
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                        + credential + "'");
    }

    @Test
    void verify_whenRegionNotTheServers_failsNamingTheExpectedRegion() {
        Wire wire = stsCall().service("gamelift").region("eu-west-1").sign();

        assertError(failure(wire), "SignatureDoesNotMatch",
                "Credential should be scoped to a valid region, not 'eu-west-1'. Expected 'us-west-2'. ");
        assertThat(secrets.tokensSeen).as("resolver not consulted").isEmpty();
    }

    @Test
    void verify_whenGlobalServiceRegionWrong_namesBothAcceptedRegions() {
        Wire wire = stsCall().service("iam").region("eu-west-1").sign();

        assertError(failure(wire), "SignatureDoesNotMatch",
                "Credential should be scoped to a valid region, not 'eu-west-1'. Expected 'us-west-2' or 'us-east-1'. ");
    }

    @Test
    void verify_whenRegionalServiceSignedForUsEast1_fails() {
        Wire wire = stsCall().service("gamelift").region("us-east-1").sign();

        assertError(failure(wire), "SignatureDoesNotMatch",
                "Credential should be scoped to a valid region, not 'us-east-1'. Expected 'us-west-2'. ");
    }

    @Test
    void verify_whenServiceNotServed_failsNamingTheServices() {
        Wire wire = stsCall().service("s3").sign();

        assertError(failure(wire), "SignatureDoesNotMatch",
                "Credential should be scoped to correct service: 'codeartifact', 'gamelift', 'iam' or 'sts'. ");
    }

    @Test
    void verify_whenServiceNotTheExpectedOne_failsNamingIt() {
        Wire wire = stsCall().service("sts").sign();

        ServiceException e = catchThrowableOfType(ServiceException.class,
                () -> verifier.verify(wire.toSignedRequest(), "gamelift"));

        assertError(e, "SignatureDoesNotMatch", "Credential should be scoped to correct service: 'gamelift'. ");
    }

    @Test
    void verify_whenTerminatorWrong_failsWithSignatureDoesNotMatch() {
        String credential = SdkSigning.ACCESS_KEY_ID + "/20260101/us-west-2/sts/aws5_request";

        assertError(failure(withAuthorization(authorization(credential, "host;x-amz-date"))), "SignatureDoesNotMatch",
                "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ");
    }

    @Test
    void verify_whenScopeDateIsNotTheRequestDate_failsWithSignatureDoesNotMatch() {
        String credential = SdkSigning.ACCESS_KEY_ID + "/20251231/us-west-2/sts/aws4_request";

        assertError(failure(withAuthorization(authorization(credential, "host;x-amz-date"))), "SignatureDoesNotMatch",
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
                        + " '20251231' != '20260101', from '20260101T000000Z'. ");
    }

    @Test
    void verify_whenEveryScopeElementWrong_listsThemInAwsOrder() {
        String credential = SdkSigning.ACCESS_KEY_ID + "/foobar/wrong-region/wrong-service/aws5_request";

        assertError(failure(withAuthorization(authorization(credential, "host;x-amz-date"))), "SignatureDoesNotMatch",
                "Credential should be scoped to a valid region, not 'wrong-region'. Expected 'us-west-2'. "
                        + "Credential should be scoped to correct service: 'codeartifact', 'gamelift', 'iam' or 'sts'. "
                        + "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "
                        + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
                        + " 'foobar' != '20260101', from '20260101T000000Z'. ");
    }

    // --- presigned expiry ---------------------------------------------------------------------------------------

    private static String withExpires(Wire wire, String expires) {
        return wire.query().replaceFirst("X-Amz-Expires=[^&]*", "X-Amz-Expires=" + expires);
    }

    @Test
    void verify_whenExpiresNotANumber_failsWithIncompleteSignature() {
        Wire wire = stsCall().presigned(Duration.ofMinutes(5)).sign();

        assertError(failure(wire.withQuery(withExpires(wire, "soon"))), "IncompleteSignature",
                "X-Amz-Expires should be a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "000"})
    void verify_whenExpiresBelowOne_failsWithSignatureDoesNotMatch(String expires) {
        Wire wire = stsCall().presigned(Duration.ofMinutes(5)).sign();

        assertError(failure(wire.withQuery(withExpires(wire, expires))), "SignatureDoesNotMatch",
                "X-Amz-Expires must be between 1 and 604800 seconds, got '" + expires + "'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"604801", "99999999999999999999999"})
    void verify_whenExpiresAboveAWeek_failsWithSignatureDoesNotMatch(String expires) {
        Wire wire = stsCall().presigned(Duration.ofMinutes(5)).sign();

        assertError(failure(wire.withQuery(withExpires(wire, expires))), "SignatureDoesNotMatch",
                "X-Amz-Expires must be less than a week (in seconds) that is; 604800");
    }

    @Test
    void verify_whenPresignedForAWeek_verifiesUntilTheLastSecond() {
        Wire wire = stsCall().presigned(Duration.ofSeconds(604_800)).sign();

        assertThat(verifierAt(NOW.plusSeconds(604_800)).verify(wire.toSignedRequest()).location())
                .isEqualTo(AuthLocation.QUERY_STRING);
        assertError(failure(verifierAt(NOW.plusSeconds(604_801)), wire), "SignatureDoesNotMatch",
                "Signature expired: 20260101T000000Z is now earlier than 20260101T000001Z (20260108T000001Z - 10080 min.)");
    }

    @Test
    void verify_whenPresignedExpired_failsWithSignatureExpired() {
        Wire wire = stsCall().presigned(Duration.ofSeconds(90)).sign();

        assertThat(verifierAt(NOW.plusSeconds(90)).verify(wire.toSignedRequest())).isNotNull();
        assertError(failure(verifierAt(NOW.plusSeconds(91)), wire), "SignatureDoesNotMatch",
                "Signature expired: 20260101T000000Z is now earlier than 20260101T000001Z (20260101T000131Z - 90 sec.)");
    }

    @Test
    void verify_whenPresignedLongerThanSkewAndUsedLate_stillVerifies() {
        Wire wire = stsCall().presigned(Duration.ofHours(12)).sign();

        assertThat(verifierAt(NOW.plusSeconds(6 * 3600)).verify(wire.toSignedRequest()).signedAt()).isEqualTo(NOW);
    }

    @Test
    void verify_whenPresignedWithoutExpiresUsedAfterFifteenMinutes_fails() {
        Wire wire = stsCall().presigned(null).sign();

        assertThat(failure(verifierAt(NOW.plusSeconds(901)), wire).getMessage())
                .isEqualTo("Signature expired: 20260101T000000Z is now earlier than 20260101T000001Z"
                        + " (20260101T001501Z - 15 min.)");
    }

    @Test
    void verify_whenPresignedDatedInTheFuture_failsWithNotYetCurrent() {
        Wire wire = stsCall().presigned(Duration.ofHours(1)).at(NOW.plusSeconds(901)).sign();

        assertThat(failure(wire).getMessage()).startsWith("Signature not yet current: 20260101T001501Z");
    }

    // --- secrets, tokens, payload, signature --------------------------------------------------------------------

    @Test
    void verify_whenSecretWrong_failsWithSignatureDoesNotMatch() {
        SigV4Verifier<String> wrongSecret = new SigV4Verifier<>(SdkSigning.POLICY,
                new TestSecrets().with(SdkSigning.ACCESS_KEY_ID, SdkSigning.SECRET + "x"), SdkSigning.CLOCK);

        assertError(failure(wrongSecret, stsCall().sign()), "SignatureDoesNotMatch", MISMATCH);
    }

    @Test
    void verify_whenSignatureInUpperCaseHex_failsWithSignatureDoesNotMatch() {
        Wire wire = stsCall().sign();
        String authorization = wire.header("Authorization");
        int at = authorization.indexOf("Signature=") + "Signature=".length();
        String upper = authorization.substring(0, at) + authorization.substring(at).toUpperCase();

        assertError(failure(wire.withHeader("Authorization", upper)), "SignatureDoesNotMatch", MISMATCH);
    }

    @Test
    void verify_whenResolverThrows_passesTheExceptionThroughUnchanged() {
        for (ServiceException thrown : List.of(
                CommonErrors.EXPIRED_TOKEN.exception("The security token included in the request is expired"),
                CommonErrors.INVALID_CLIENT_TOKEN_ID.exception("The security token included in the request is invalid."),
                CommonErrors.INVALID_CLIENT_TOKEN_ID.exception("The AWS access key provided does not exist in our records."))) {
            SigV4Verifier<String> v = new SigV4Verifier<>(SdkSigning.POLICY, (key, token) -> {
                throw thrown;
            }, SdkSigning.CLOCK);

            assertThatThrownBy(() -> v.verify(stsCall().credentials(SdkSigning.temporary()).sign().toSignedRequest()))
                    .isSameAs(thrown);
        }
    }

    @Test
    void verify_whenResolverGetsUnknownKey_failsWithInvalidClientTokenId() {
        SigV4Verifier<String> empty = new SigV4Verifier<>(SdkSigning.POLICY, (key, token) -> null, SdkSigning.CLOCK);

        assertError(failure(empty, stsCall().sign()), "InvalidClientTokenId",
                "The security token included in the request is invalid.");
    }

    @Test
    void verify_whenContentSha256IsUnsignedPayload_failsWithSignatureDoesNotMatch() {
        Wire wire = signing(request("POST", "/").protocol("https").port(8443)
                .putHeader("Content-Type", "application/x-www-form-urlencoded"), "Action=GetCallerIdentity")
                .payloadSigning(false).sign();

        assertThat(wire.header("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
        assertError(failure(wire), "SignatureDoesNotMatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    @Test
    void verify_whenBodyChangedUnderSignedContentSha256_failsWithSignatureDoesNotMatch() {
        Wire wire = stsCall().sign();

        assertError(failure(wire.withBody("Action=GetCallerIdentity&Version=2011-06-16".getBytes())),
                "SignatureDoesNotMatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    @Test
    void verify_whenBodyChangedWithoutContentSha256Header_failsWithSignatureMismatch() {
        Wire wire = stsCall().presigned(Duration.ofMinutes(5)).sign();

        assertError(failure(wire.withBody("Action=GetCallerIdentity&Version=2011-06-16".getBytes())),
                "SignatureDoesNotMatch", MISMATCH);
    }

    @Test
    void verify_whenSignedWithDateHeaderInsteadOfAmzDate_verifies() {
        String canonical = "GET\n/\n\ndate:Thu, 01 Jan 2026 00:00:00 GMT\nhost:localhost:8080\n\ndate;host\n"
                + ReferenceSigner.sha256Hex("");
        String signature = ReferenceSigner.signature(SdkSigning.SECRET, "20260101T000000Z",
                "20260101/us-west-2/sts/aws4_request", canonical);
        Wire wire = handMade(null, "Date", "Thu, 01 Jan 2026 00:00:00 GMT", "Authorization",
                "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=date;host, Signature=" + signature)
                .withHeader("X-Amz-Date");

        VerifiedRequest<String> verified = verifier.verify(wire.toSignedRequest());

        assertThat(verified.signedAt()).isEqualTo(NOW);
        assertThat(verified.signedHeaders()).containsExactly("date", "host");
    }

    @Test
    void verify_whenSignedHeaderAbsentFromRequest_failsWithSignatureDoesNotMatch() {
        Wire wire = stsCall().sign();

        assertError(failure(wire.withHeader("Content-Type")), "SignatureDoesNotMatch", MISMATCH);
    }

    @Test
    void verify_whenRejected_neverPutsSecretOrSignatureInTheMessage() {
        Wire wire = stsCall().sign();
        String authorization = wire.header("Authorization");
        String signature = authorization.substring(authorization.indexOf("Signature=") + 10);
        List<Wire> failures = List.of(
                wire.withBody(new byte[] {1}),
                wire.withHeader("Authorization", authorization.replace(", Signature=", ", Signature ")),
                wire.withHeader("Authorization", authorization.replace("SignedHeaders=", "SignedHeaders ")),
                wire.withHeader("Authorization", authorization.replace("Credential=", "Credential:")),
                wire.withHeader("X-Amz-Date", "bad"));
        for (Wire failing : failures) {
            ServiceException e = failure(failing);
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).doesNotContain(signature).doesNotContain(SdkSigning.SECRET);
        }
    }
}
