package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.auth.sigv4.SdkSigning.Wire;
import io.gatepass.server.fuzz.FuzzSettings;
import io.gatepass.server.fuzz.Mutator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static io.gatepass.server.internal.auth.sigv4.SdkSigning.request;
import static io.gatepass.server.internal.auth.sigv4.SdkSigning.signing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded mutation fuzzing of the SigV4 parsers: the {@code Authorization} header and the presigned query string of
 * requests the SDK signed, edited at random (tokens of the grammar spliced in, bytes changed, cut, repeated). The
 * verifier must refuse every edit with a 4xx {@link ServiceException} (or, rarely, still verify an edit that does not
 * change the meaning), never throw anything else, and never take long.
 *
 * <p>{@code -Dgatepass.fuzz.iterations=N} edits per target (default 1500), {@code -Dgatepass.fuzz.seed=S}.
 */
class SigV4ParserFuzzTest {
    private static final FuzzSettings SETTINGS = FuzzSettings.current(1_500);
    private static final Mutator MUTATOR = new Mutator(List.of("AWS4-HMAC-SHA256", " ", ",", ", ", "=", "/", ";",
            "Credential=", "SignedHeaders=", "Signature=", "aws4_request", "us-west-2", "codeartifact", "20260101",
            "20260101T000000Z", "host", "x-amz-date", "&", "%", "%2F", "%ZZ", "X-Amz-Signature=", "X-Amz-Credential=",
            "X-Amz-SignedHeaders=", "X-Amz-Date=", "X-Amz-Expires=", "X-Amz-Security-Token=", "X-Amz-Algorithm=",
            "-1", "99999999999", "\u0000", "\u00ff", "\t", "+", "=="));

    private final SigV4Verifier<String> verifier =
            new SigV4Verifier<>(SdkSigning.POLICY, new TestSecrets(), SdkSigning.CLOCK);

    private static Wire signed(boolean presigned) {
        SdkSigning.Signing signing = signing(request("POST", "/v1/authorization-token")
                .putRawQueryParameter("domain", "my-domain")
                .putHeader("Content-Type", "application/json"), "{}")
                .service("codeartifact").credentials(SdkSigning.temporary());
        return presigned ? signing.presigned(Duration.ofMinutes(10)).sign() : signing.sign();
    }

    @Test
    void verify_mutatedAuthorizationHeader_isRefusedWithA4xx() {
        Wire wire = signed(false);
        fuzz("authorization-header", wire.header("Authorization"), value -> wire.withHeader("Authorization", value));
    }

    @Test
    void verify_mutatedPresignedQuery_isRefusedWithA4xx() {
        Wire wire = signed(true);
        fuzz("presigned-query", wire.query(), wire::withQuery);
    }

    @Test
    void verify_mutatedDateAndTokenHeaders_areRefusedWithA4xx() {
        Wire wire = signed(false);
        fuzz("x-amz-date", wire.header("X-Amz-Date"), value -> wire.withHeader("X-Amz-Date", value));
        fuzz("x-amz-security-token", wire.header("X-Amz-Security-Token"),
                value -> wire.withHeader("X-Amz-Security-Token", value));
    }

    private void fuzz(String target, String valid, Function<String, Wire> into) {
        Random random = SETTINGS.random(target);
        int[] iteration = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (; iteration[0] < SETTINGS.iterations(); iteration[0]++) {
                Wire mutated = into.apply(MUTATOR.mutate(valid, random));
                try {
                    verifier.verify(mutated.toSignedRequest());
                } catch (ServiceException e) {
                    assertThat(e.httpStatus()).as("%s: %s\n%s", SETTINGS.replay(target, iteration[0]),
                            e.getMessage(), mutated).isBetween(400, 499);
                } catch (RuntimeException e) {
                    throw new AssertionError(SETTINGS.replay(target, iteration[0]) + ": " + e + "\n" + mutated, e);
                }
            }
        }, () -> SETTINGS.replay(target, iteration[0]) + " hung");
    }
}
