package io.gatepass.server.internal.auth.sigv4;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SdkQuerySignatureTest {
    private static final Instant AT = Instant.parse("2024-08-05T10:00:00Z");
    private final SdkQuerySignature verifier =
            new SdkQuerySignature("us-east-1", Clock.fixed(AT, ZoneOffset.UTC));
    private final TestSecrets secrets = new TestSecrets().with("testAccessKey", "testSecretKey");

    /** The known answer the Go server SDK's own test holds its signer to (sigv4_utility_test.go). */
    @Test
    void sign_whenGoSdkKnownAnswer_givesItsSignature() {
        String signature = SdkQuerySignature.sign("testSecretKey", "20240805T100000Z", "us-east-1",
                Map.of("param1", "value1", "param2", "value2"));

        assertThat(signature).isEqualTo("2601fe291f4b43a63f6ffb0e1d9085a1edbaa2a866c96511e153af3408bfe771");
    }

    @Test
    void verify_whenSignedOverComputeFleetAndProcess_acceptsAndIgnoresOtherParameters() {
        Map<String, String> query = signedQuery("testAccessKey", "testSecretKey", "20240805T100000Z");
        query.put("sdkVersion", "5.4.0");
        query.put("IdempotencyToken", "abc");

        SdkQuerySignature.Result<String> result = verifier.verify(query, secrets);

        assertThat(result.isValid()).isTrue();
        assertThat(result.identity()).isEqualTo("identity-of-testAccessKey");
    }

    @Test
    void verify_whenASignedParameterChanges_refusesBadSignature() {
        Map<String, String> query = signedQuery("testAccessKey", "testSecretKey", "20240805T100000Z");
        query.put("pID", "another-process");

        assertThat(verifier.verify(query, secrets).failure()).isEqualTo(SdkQuerySignature.Failure.BAD_SIGNATURE);
    }

    @Test
    void verify_whenDateIsSixteenMinutesOff_refusesStale() {
        Map<String, String> query = signedQuery("testAccessKey", "testSecretKey", "20240805T101600Z");

        assertThat(verifier.verify(query, secrets).failure()).isEqualTo(SdkQuerySignature.Failure.STALE);
    }

    @Test
    void verify_whenKeyUnknown_refusesUnknownKey() {
        Map<String, String> query = signedQuery("AKIAUNKNOWN", "whatever", "20240805T100000Z");

        assertThat(verifier.verify(query, secrets).failure()).isEqualTo(SdkQuerySignature.Failure.UNKNOWN_KEY);
    }

    @Test
    void verify_whenScopedToAnotherRegion_refusesWrongScope() {
        Map<String, String> query = signedQuery("testAccessKey", "testSecretKey", "20240805T100000Z");
        query.put("X-Amz-Credential", "testAccessKey/20240805/eu-west-1/gamelift/aws4_request");

        assertThat(verifier.verify(query, secrets).failure()).isEqualTo(SdkQuerySignature.Failure.WRONG_SCOPE);
    }

    /** Seeded: random changes to the query never throw, and only the untouched query verifies. */
    @Test
    void verify_whenQueryMutatedAtRandom_neverThrowsAndRefuses() {
        Random random = new Random(20261206L);
        String[] names = {"X-Amz-Credential", "X-Amz-Date", "X-Amz-Signature", "X-Amz-Algorithm", "ComputeId",
                "FleetId", "pID"};
        for (int i = 0; i < 500; i++) {
            Map<String, String> query = signedQuery("testAccessKey", "testSecretKey", "20240805T100000Z");
            String name = names[random.nextInt(names.length)];
            String value = query.get(name);
            if (random.nextBoolean() || value == null || value.isEmpty()) {
                query.remove(name);
            } else {
                int at = random.nextInt(value.length());
                char replacement = (char) (' ' + random.nextInt(95));
                if (value.charAt(at) == replacement) {
                    continue;
                }
                query.put(name, value.substring(0, at) + replacement + value.substring(at + 1));
            }
            assertThat(verifier.verify(query, secrets).isValid()).as("%s mutated", name).isFalse();
        }
    }

    private static Map<String, String> signedQuery(String accessKeyId, String secret, String amzDate) {
        Map<String, String> query = new HashMap<>();
        query.put("ComputeId", "rack-1");
        query.put("FleetId", "fleet-1a2b3c");
        query.put("pID", "process 7/x");
        query.put("Authorization", "SigV4");
        query.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        query.put("X-Amz-Credential", accessKeyId + "/" + amzDate.substring(0, 8) + "/us-east-1/gamelift/aws4_request");
        query.put("X-Amz-Date", amzDate);
        query.put("X-Amz-Signature", SdkQuerySignature.sign(secret, amzDate, "us-east-1",
                SdkQuerySignature.signedParameters(query)));
        return query;
    }
}
