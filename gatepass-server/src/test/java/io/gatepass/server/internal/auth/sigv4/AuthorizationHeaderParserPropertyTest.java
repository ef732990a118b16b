package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.auth.sigv4.SdkSigning.Wire;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.gatepass.server.internal.auth.sigv4.SdkSigning.request;
import static io.gatepass.server.internal.auth.sigv4.SdkSigning.signing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Authorization header parser, which reuses this thread's last credential and signed headers, decides exactly as
 * the parser before it ({@link ReferenceAuthorizationHeaderParser}) over seeded random well-formed and malformed
 * headers: the same parts, or the same error code and message. Values come from small pools so that the same
 * credential and signed headers recur, as they do from one client, between headers that differ.
 */
class AuthorizationHeaderParserPropertyTest {
    private static final long SEED = Long.getLong("gatepass.sigv4.seed", 20261207L);
    private static final String SIGNATURE = "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024";
    private static final List<String> ALGORITHMS = List.of("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256",
            "aws4-hmac-sha256", "AWS4-HMAC-SHA1", "AWS4-HMAC-SHA25", "AWS4-HMAC-SHA2566", "", "Ä", "AWS4-HMAC-SHA256,");
    private static final List<String> CREDENTIALS = List.of("AKIDEXAMPLE/20260101/us-west-2/sts/aws4_request",
            "AKIDEXAMPLE/20260101/us-west-2/sts/aws4_request", "AKIDEXAMPLE/20260101/us-east-1/iam/aws4_request",
            "AKIDEXAMPLE/20260101/us-west-2/sts/aws4_requesT", "AKIDEXAMPLE/20260101/us-west-2/sts",
            "AKIDEXAMPLE//20260101/us-west-2/sts/aws4_request", "/////", "", "AKID/2026/ünï/çødé/aws4_request",
            "AKIDEXAMPLE/20260101/us-west-2/sts/aws4_request/", "AKIDEXAMPLE/20260101/US-WEST-2/STS/AWS4_REQUEST",
            "AKIDEXAMPLE/20260101/us-west-2/sts/aws4_request=x", "AKIDEXAMPLE\t/20260101/us-west-2/sts/aws4_request");
    private static final List<String> SIGNED_HEADERS = List.of("host;x-amz-date", "host;x-amz-date",
            "content-type;host;x-amz-date;x-amz-security-token", "Host;X-Amz-Date", ";;", "", "host", "hošt;x-amz-date",
            "host;;x-amz-date;", "host x-amz-date");
    private static final List<String> SIGNATURES = List.of(SIGNATURE, SIGNATURE, SIGNATURE.toUpperCase(), "", "zz",
            SIGNATURE + "00", "=");
    private static final List<String> KEYS = List.of("Credential", "SignedHeaders", "Signature");
    private static final List<String> ODD_PARTS = List.of("Foo=bar", "credential=x", "Credential", "=", "==",
            "Signature =" + SIGNATURE, " Credential= AKID/x", "Crédential=x", "SIGNATURE=abc", "x", "\u00a0", "\u2028");
    private static final List<String> SEPARATORS = List.of(", ", ", ", ",", " ,", ",,", ",\t", " , ", ", ,", " ");
    private static final String EDITS = "=,/; \tAaé\u0000\u00a0\u2028";
    private static final List<String> SPACES = List.of("", "", " ", "\t", "  ", "\u2003", ",", "\n");

    @Test
    void parse_randomHeaders_decidesAsTheReferenceParser() {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            String header = header(random);
            RequestHeaders headers = dateHeaders(random);
            Object expected = outcome(() -> ReferenceAuthorizationHeaderParser.parse(header, headers));
            Object actual = outcome(() -> AuthorizationHeaderParser.parse(header, headers));
            assertThat(actual).as("seed %d, header #%d %s", SEED, i, header).isEqualTo(expected);
            assertThat(outcome(() -> AuthorizationHeaderParser.parse(header, headers)))
                    .as("seed %d, header #%d %s parsed again", SEED, i, header).isEqualTo(expected);
            if (expected instanceof SignatureElements) {
                accepted++;
            }
        }
        assertThat(accepted).as("well-formed headers among the random ones").isBetween(2_000, 18_000);
    }

    /** Requests from one thread with different keys, scopes and signed headers, and broken ones between them. */
    @Test
    void verify_requestsWithDifferentCredentialsInTurn_eachGetsItsOwnKeyAndScope() {
        SigV4Verifier<String> verifier = new SigV4Verifier<>(SdkSigning.POLICY, new TestSecrets(), SdkSigning.CLOCK);
        Wire sts = signing(request("POST", "/"), "Action=GetCallerIdentity&Version=2011-06-15").sign();
        Wire iam = signing(request("POST", "/").putHeader("Content-Type", "application/x-www-form-urlencoded"),
                "Action=ListUsers").service("iam").region("us-east-1").credentials(SdkSigning.temporary()).sign();
        Wire gamelift = signing(request("POST", "/"), "{}").service("gamelift").sign();
        String stsAuthorization = sts.header("Authorization");
        Wire fourParts = sts.withHeader("Authorization", stsAuthorization.replace("/aws4_request", ""));
        Wire otherRegion = sts.withHeader("Authorization", stsAuthorization.replace("/us-west-2/", "/eu-west-9/"));
        for (int round = 0; round < 3; round++) {
            assertVerified(verifier.verify(sts.toSignedRequest()), SdkSigning.ACCESS_KEY_ID, "us-west-2", "sts");
            assertThatThrownBy(() -> verifier.verify(fourParts.toSignedRequest())).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("must have exactly 5 slash-delimited elements");
            assertVerified(verifier.verify(iam.toSignedRequest()), SdkSigning.TEMP_ACCESS_KEY_ID, "us-east-1", "iam");
            assertThatThrownBy(() -> verifier.verify(otherRegion.toSignedRequest()))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("eu-west-9");
            assertVerified(verifier.verify(gamelift.toSignedRequest()), SdkSigning.ACCESS_KEY_ID, "us-west-2",
                    "gamelift");
        }
    }

    private static void assertVerified(VerifiedRequest<String> verified, String accessKeyId, String region,
                                       String service) {
        assertThat(verified.accessKeyId()).isEqualTo(accessKeyId);
        assertThat(verified.scope()).isEqualTo(new CredentialScope("20260101", region, service));
    }

    private static String header(Random random) {
        StringBuilder header = new StringBuilder(pick(random, SPACES)).append(pick(random, ALGORITHMS));
        header.append(random.nextInt(8) == 0 ? pick(random, SPACES) : " ");
        List<String> parts = new ArrayList<>();
        for (String key : KEYS) {
            if (random.nextInt(10) > 0) {
                parts.add(key + "=" + value(random, key));
            }
        }
        if (random.nextInt(4) == 0) {
            String key = pick(random, KEYS);
            parts.add(random.nextInt(parts.size() + 1), key + "=" + value(random, key)); // given twice
        }
        if (random.nextInt(4) == 0) {
            parts.add(random.nextInt(parts.size() + 1), pick(random, ODD_PARTS));
        }
        for (int i = 0; i < parts.size(); i++) {
            header.append(i == 0 ? "" : random.nextInt(3) == 0 ? pick(random, SEPARATORS) : ", ").append(parts.get(i));
        }
        header.append(pick(random, SPACES));
        if (random.nextInt(6) == 0) { // one character changed, added or removed anywhere
            int at = random.nextInt(header.length() + 1);
            char c = EDITS.charAt(random.nextInt(EDITS.length()));
            switch (random.nextInt(3)) {
                case 0 -> header.insert(at, c);
                case 1 -> header.replace(at, Math.min(at + 1, header.length()), String.valueOf(c));
                default -> header.delete(at, Math.min(at + 1, header.length()));
            }
        }
        return header.toString();
    }

    private static String value(Random random, String key) {
        return switch (key) {
            case "Credential" -> pick(random, CREDENTIALS);
            case "SignedHeaders" -> pick(random, SIGNED_HEADERS);
            default -> pick(random, SIGNATURES);
        };
    }

    private static RequestHeaders dateHeaders(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> RequestHeaders.of(Map.of());
            case 1 -> RequestHeaders.of(Map.of("Date", List.of(" Thu, 01 Jan 2026 00:00:00 GMT ")));
            case 2 -> RequestHeaders.of(Map.of("X-Amz-Date", List.of("20260101T000000Z"),
                    "X-Amz-Security-Token", List.of("token")));
            default -> RequestHeaders.of(Map.of("X-Amz-Date", List.of("20260101T000000Z")));
        };
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The parsed parts, or the error's class, code and message. */
    private static Object outcome(java.util.function.Supplier<SignatureElements> parse) {
        try {
            return parse.get();
        } catch (ServiceException e) {
            return "ServiceException " + e.code() + " " + e.httpStatus() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
