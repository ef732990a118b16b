package io.gatepass.server.internal.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatepass.server.internal.auth.sigv4.SdkSigning.Wire;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random requests (paths with awkward characters and dot segments, repeated and empty query parameters, header values
 * with odd white space, binary bodies, both forms, session tokens, every service) signed by the AWS SDK always verify.
 * Seeded: a failure names its seed; rerun it alone with {@code -Dgatepass.sigv4.seed=<seed> -Dgatepass.sigv4.cases=1}.
 */
class SigV4VerifierPropertyTest {
    private static final long BASE_SEED = Long.getLong("gatepass.sigv4.seed", 20260101L);
    private static final int CASES = Integer.getInteger("gatepass.sigv4.cases", 1500);
    private static final String[] PIECES = {"a", "Z", "0", "9", "-", "_", ".", "~", " ", "  ", "%", "+", "/", "?", "#",
        "&", "=", ";", ",", ":", "@", "!", "$", "'", "(", ")", "*", "[", "]", "é", "日本", "😀", "\u00a0", "%2F",
        "abc", "Version", "x"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
    private static final String[] SERVICES = {"sts", "iam", "gamelift", "codeartifact"};

    private final SigV4Verifier<String> verifier =
            new SigV4Verifier<>(SdkSigning.POLICY, new TestSecrets(), SdkSigning.CLOCK, 64);

    @Test
    void verify_whenRandomRequestSignedBySdk_alwaysVerifies() {
        int presigned = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED + i;
            Wire wire = null;
            try {
                Random random = new Random(seed);
                wire = randomSigned(random);
                VerifiedRequest<String> verified = verifier.verify(wire.toSignedRequest());
                assertThat(verified.identity()).startsWith("identity-of-");
                if (verified.location() == AuthLocation.QUERY_STRING) {
                    presigned++;
                }
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + seed + " (rerun: -Dgatepass.sigv4.seed=" + seed + " -Dgatepass.sigv4.cases=1) "
                        + wire, e);
            }
        }
        assertThat(presigned).as("both forms exercised").isBetween(CASES / 5, CASES * 3 / 5);
    }

    private static Wire randomSigned(Random random) {
        String method = METHODS[random.nextInt(METHODS.length)];
        SdkHttpFullRequest.Builder request = SdkSigning.request(method, randomPath(random));
        int parameters = random.nextInt(7);
        for (int p = 0; p < parameters; p++) {
            String name = random.nextInt(20) == 0 ? "" : randomText(random, 1 + random.nextInt(5));
            if (random.nextInt(10) == 0) {
                request.putRawQueryParameter(name, (String) null);
            } else {
                request.appendRawQueryParameter(name, randomText(random, random.nextInt(8)));
            }
        }
        int headers = random.nextInt(5);
        for (int h = 0; h < headers; h++) {
            String name = "X-Test-" + (char) ('a' + random.nextInt(6));
            name = random.nextBoolean() ? name : name.toLowerCase();
            int values = 1 + random.nextInt(3);
            for (int v = 0; v < values; v++) {
                request.appendHeader(name, randomHeaderValue(random));
            }
        }
        if (random.nextBoolean()) {
            request.putHeader("Content-Type", random.nextBoolean() ? "application/json" : "application/cbor");
        }
        byte[] body = null;
        if (random.nextInt(4) != 0) {
            body = new byte[random.nextInt(200)];
            random.nextBytes(body);
        }
        String service = SERVICES[random.nextInt(SERVICES.length)];
        boolean global = service.equals("iam") || service.equals("sts");
        SdkSigning.Signing signing = SdkSigning.signing(request, body)
                .service(service)
                .region(global && random.nextBoolean() ? "us-east-1" : SdkSigning.REGION)
                .credentials(random.nextBoolean() ? SdkSigning.longTerm() : SdkSigning.temporary());
        int form = random.nextInt(10);
        long offset;
        if (form < 6) {
            offset = random.nextInt(1801) - 900;
        } else if (form < 9) {
            long expires = 1 + random.nextInt(604_800);
            signing.presigned(Duration.ofSeconds(expires));
            offset = -Math.min(expires, (long) random.nextInt(604_800)) + random.nextInt(901);
        } else {
            signing.presigned(null);
            offset = random.nextInt(1801) - 900;
        }
        Wire wire = signing.at(Instant.from(SdkSigning.NOW).plusSeconds(offset)).sign();
        if (random.nextBoolean()) {
            wire = wire.withHeader("User-Agent", "aws-cli/2 " + randomHeaderValue(random));
        }
        return wire;
    }

    /** A wire path: segments encoded as the SDK encodes path labels, with dot segments and empty ones mixed in. */
    private static String randomPath(Random random) {
        int segments = random.nextInt(6);
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                parts.add(".");
            } else if (kind == 1) {
                parts.add("..");
            } else if (kind == 2) {
                parts.add("");
            } else {
                parts.add(SdkHttpUtils.urlEncode(randomText(random, 1 + random.nextInt(6))));
            }
        }
        String path = "/" + String.join("/", parts);
        return random.nextInt(4) == 0 && !path.endsWith("/") ? path + "/" : path;
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    /** Printable ASCII with runs of spaces and tabs, sometimes at either end. */
    private static String randomHeaderValue(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(8);
            if (kind == 0) {
                out.append(' ');
            } else if (kind == 1) {
                out.append(random.nextBoolean() ? "\t" : "   ");
            } else {
                out.append((char) (0x21 + random.nextInt(0x7e - 0x21 + 1)));
            }
        }
        return out.toString();
    }
}
