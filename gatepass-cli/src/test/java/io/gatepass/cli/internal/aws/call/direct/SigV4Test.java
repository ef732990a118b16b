package io.gatepass.cli.internal.aws.call.direct;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers from the SDK's own signer: for seeded random paths (dot segments, empty segments, a leading "//",
 * trailing slashes, characters to encode), queries (repeated names, empty values, names alone) and headers (mixed
 * case, tabs and runs of spaces, several values, the headers the SDK leaves unsigned), SigV4 gives the Authorization
 * that AwsV4HttpSigner gives for the same request, body, time, scope and credentials.
 */
class SigV4Test {

    private static final long SEED = 20261207L;
    private static final String CHARS = "abcXYZ019-_.~ !*'();:@&=+$,é/\t";
    private static final String[] UNSIGNED = {"Connection", "x-amzn-trace-id", "User-Agent", "Expect",
            "Transfer-Encoding", "X-Forwarded-For"};
    private static final AwsSessionCredentials CREDENTIALS = AwsSessionCredentials.create("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-example");

    @Test
    void signsEveryRandomRequestAsTheSdkSignerDoes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            URI uri = URI.create("http://127.0.0.1:9700" + path(random) + query(random));
            Map<String, List<String>> headers = headers(random);
            byte[] body = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(200)];
            random.nextBytes(body);
            String method = random.nextBoolean() ? "POST" : "GET";
            Instant now = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000));
            String region = random.nextBoolean() ? "eu-west-1" : "us-east-1";
            String service = random.nextBoolean() ? "codeartifact" : "gamelift";

            Map<String, List<String>> ours = new LinkedHashMap<>(headers);
            new SigV4(region, service).sign(method, uri, ours, body, CREDENTIALS, now);

            SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
            headers.forEach(request::putHeader);
            String sdk = AwsV4HttpSigner.create().sign(SignRequest.builder((AwsCredentialsIdentity) CREDENTIALS)
                            .request(request.build())
                            .payload(ContentStreamProvider.fromByteArray(body))
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                            .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC))
                            .build())
                    .request().firstMatchingHeader("Authorization").orElseThrow();
            assertThat(ours.get("Authorization")).as("%s %s %s", method, uri, headers).containsExactly(sdk);
        }
    }

    private static String path(Random random) {
        StringBuilder path = new StringBuilder(random.nextInt(5) == 0 ? "//" : "/");
        int segments = random.nextInt(6);
        for (int s = 0; s < segments; s++) {
            if (s > 0) {
                path.append('/');
            }
            switch (random.nextInt(6)) {
                case 0 -> path.append('.');
                case 1 -> path.append("..");
                case 2 -> { } // an empty segment
                default -> path.append(SdkHttpUtils.urlEncode(text(random, 8)));
            }
        }
        if (random.nextInt(4) == 0) {
            path.append('/');
        }
        return path.toString();
    }

    private static String query(Random random) {
        int parameters = random.nextInt(5);
        if (parameters == 0) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        String last = "p";
        for (int p = 0; p < parameters; p++) {
            String name = random.nextInt(4) == 0 ? last : SdkHttpUtils.urlEncode(text(random, 5) + "n");
            last = name;
            switch (random.nextInt(4)) {
                case 0 -> pairs.add(name);
                case 1 -> pairs.add(name + "=");
                default -> pairs.add(name + "=" + SdkHttpUtils.urlEncode(text(random, 8)));
            }
        }
        return "?" + String.join("&", pairs);
    }

    private static Map<String, List<String>> headers(Random random) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:9700"));
        int count = 1 + random.nextInt(6);
        for (int h = 0; h < count; h++) {
            String name = random.nextInt(3) == 0 ? UNSIGNED[random.nextInt(UNSIGNED.length)]
                    : (random.nextBoolean() ? "X-Amz-Meta-" : "x-custom-") + (char) ('a' + random.nextInt(26));
            List<String> values = new ArrayList<>();
            int n = 1 + random.nextInt(2);
            for (int v = 0; v < n; v++) {
                values.add(value(random));
            }
            headers.put(name, values);
        }
        return headers;
    }

    private static String value(Random random) {
        String[] spaces = {" ", "  ", "\t", " \t ", ""};
        StringBuilder value = new StringBuilder(spaces[random.nextInt(spaces.length)]);
        int words = 1 + random.nextInt(3);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                value.append(spaces[random.nextInt(spaces.length - 1)]);
            }
            value.append("w").append(random.nextInt(1000));
        }
        return value.append(spaces[random.nextInt(spaces.length)]).toString();
    }

    private static String text(Random random, int max) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(max);
        for (int c = 0; c < length; c++) {
            text.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return text.toString();
    }
}
