package io.gatepass.server.internal.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Known answers: requests and signatures from AWS's published SigV4 test suite (aws-sig-v4-test-suite; key
 * AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service"), as they would arrive on the wire.
 */
class SigV4KnownAnswerTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SCOPE = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
    private static final SigV4Verifier<String> VERIFIER = new SigV4Verifier<>(
            ScopePolicy.of("us-east-1", List.of("service")),
            (key, token) -> new SigningSecret<>(SECRET, key),
            Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));

    static Stream<Arguments> vectors() {
        return Stream.of(
                vector("get-vanilla", "GET", "/", null, "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("post-vanilla", "POST", "/", null, "host;x-amz-date",
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                vector("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1",
                        "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                vector("get-vanilla-query-order-value", "GET", "/", "Param1=value2&Param1=value1", "host;x-amz-date",
                        "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
                vector("get-vanilla-query-unreserved", "GET", "/",
                        "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
                                + "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                        "host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
                vector("get-vanilla-utf8-query", "GET", "/", "\u1234=bar", "host;x-amz-date",
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                vector("post-vanilla-query", "POST", "/", "Param1=value1", "host;x-amz-date",
                        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
                vector("get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                        null, "host;x-amz-date", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                vector("get-utf8", "GET", "/\u1234", null, "host;x-amz-date",
                        "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
                vector("normalize-path/get-space", "GET", "/example space/", null, "host;x-amz-date",
                        "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
                vector("normalize-path/get-relative", "GET", "/example/..", null, "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("normalize-path/get-relative-relative", "GET", "/example1/example2/../..", null,
                        "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("normalize-path/get-slash", "GET", "//", null, "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("normalize-path/get-slash-dot-slash", "GET", "/./", null, "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("normalize-path/get-slash-pointless-dot", "GET", "/./example", null, "host;x-amz-date",
                        "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
                vector("normalize-path/get-slashes", "GET", "//example//", null, "host;x-amz-date",
                        "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
                vector("get-header-value-trim", "GET", "/", null, "host;my-header1;my-header2;x-amz-date",
                        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
                        "My-Header1", " value1", "My-Header2", " \"a   b   c\""),
                vector("get-header-key-duplicate", "GET", "/", null, "host;my-header1;x-amz-date",
                        "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea",
                        "My-Header1", "value2", "My-Header1", "value2", "My-Header1", "value1"),
                vector("get-header-value-order", "GET", "/", null, "host;my-header1;x-amz-date",
                        "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01",
                        "My-Header1", "value4", "My-Header1", "value1", "My-Header1", "value3", "My-Header1", "value2"),
                vector("post-x-www-form-urlencoded", "POST", "/", null, "content-type;host;x-amz-date",
                        "0c3bc22986c53164a4755b4466c2e17db853888c5ddb98567e700a3ecdb262f6",
                        "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                vector("post-sts-token/post-sts-header-before", "POST", "/", null,
                        "host;x-amz-date;x-amz-security-token",
                        "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead",
                        "X-Amz-Security-Token", "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsK"
                                + "WHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wU"
                                + "E8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVq"
                                + "r7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLx"
                                + "BA=="));
    }

    private static Arguments vector(String name, String method, String path, String query, String signedHeaders,
                                    String signature, String... extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", new ArrayList<>(List.of("example.amazonaws.com")));
        headers.put("x-amz-date", new ArrayList<>(List.of("20150830T123600Z")));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.computeIfAbsent(extraHeaders[i].toLowerCase(), k -> new ArrayList<>()).add(extraHeaders[i + 1]);
        }
        headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=" + SCOPE + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature));
        return Arguments.of(name, SignedRequest.of(method, path, query, RequestHeaders.ofLowerCaseKeys(headers),
                new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verify_whenAwsTestSuiteVector_verifies(String name, SignedRequest request) {
        VerifiedRequest<String> verified = VERIFIER.verify(request);

        assertThat(verified.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(verified.scope()).isEqualTo(new CredentialScope("20150830", "us-east-1", "service"));
    }

    @Test
    void canonicalRequest_whenHeaderValuesNeedTrimming_matchesTheSuitesCanonicalRequest() {
        Map<String, List<String>> headers = Map.of("host", List.of("example.amazonaws.com"),
                "my-header1", List.of(" value1"), "my-header2", List.of(" \"a   b   c\""),
                "x-amz-date", List.of("20150830T123600Z"));
        SignedRequest request = SignedRequest.of("GET", "/", null, RequestHeaders.ofLowerCaseKeys(headers), new byte[0]);
        ByteSink out = new ByteSink();

        CanonicalRequest.write(out, request, QueryParameters.parse(null), null,
                List.of("host", "my-header1", "my-header2", "x-amz-date"), "host;my-header1;my-header2;x-amz-date",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".getBytes(StandardCharsets.US_ASCII));

        assertThat(out.toString()).isEqualTo("GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\n"
                + "my-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void canonicalRequest_whenPresigned_leavesOutSignatureAndSortsParameters() {
        Map<String, List<String>> headers = Map.of("host", List.of("example.amazonaws.com"));
        SignedRequest request = SignedRequest.of("GET", "/a b/%2F", "X-Amz-Signature=abc&b=2&a=1&a=%7e&c",
                RequestHeaders.ofLowerCaseKeys(headers), new byte[0]);
        ByteSink out = new ByteSink();

        CanonicalRequest.write(out, request, QueryParameters.parse(request.rawQuery()), "X-Amz-Signature",
                List.of("host"), "host", "UNSIGNED".getBytes(StandardCharsets.US_ASCII));

        assertThat(out.toString())
                .isEqualTo("GET\n/a%20b/%252F\na=1&a=~&b=2&c=\nhost:example.amazonaws.com\n\nhost\nUNSIGNED");
    }
}
