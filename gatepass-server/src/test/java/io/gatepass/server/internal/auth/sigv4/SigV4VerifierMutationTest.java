package io.gatepass.server.internal.auth.sigv4;

import static io.gatepass.server.internal.auth.sigv4.SdkSigning.request;
import static io.gatepass.server.internal.auth.sigv4.SdkSigning.signing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.auth.sigv4.SdkSigning.Wire;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every single-byte change to a signed request's method, path, query string, signed header values, body and signature
 * is rejected, exhaustively, in both forms. Replacements are a letter, a digit and (except in the query string, where
 * {@code %2f} and {@code %2F} are the same) the other case of a letter.
 */
class SigV4VerifierMutationTest {
    enum Form { HEADER, PRESIGNED }

    private final SigV4Verifier<String> verifier =
            new SigV4Verifier<>(SdkSigning.POLICY, new TestSecrets(), SdkSigning.CLOCK);

    private static Wire signed(Form form) {
        SdkSigning.Signing signing = signing(request("POST", "/v1/package/%40scope%2Fname%20x/versions/1.0~beta")
                .putRawQueryParameter("domain", "my-domain")
                .putRawQueryParameter("domain-owner", "111122223333")
                .putRawQueryParameter("format", "npm pkg")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "CodeArtifact_2018_09_22.GetAuthorizationToken"),
                "{\"durationSeconds\":900,\"name\":\"caf\\u00e9\"}")
                .service("codeartifact").credentials(SdkSigning.temporary());
        return form == Form.HEADER ? signing.sign() : signing.presigned(Duration.ofMinutes(10)).sign();
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenUnmodified_verifies(Form form) {
        assertThat(verifier.verify(signed(form).toSignedRequest()).scope().service()).isEqualTo("codeartifact");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenAnyMethodByteChanged_failsEveryTime(Form form) {
        Wire wire = signed(form);
        assertAllRejected(mutations(wire.method(), true), wire::withMethod);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenAnyPathByteChanged_failsEveryTime(Form form) {
        Wire wire = signed(form);
        assertAllRejected(mutations(wire.path(), true), wire::withPath);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenAnyQueryByteChanged_failsEveryTime(Form form) {
        Wire wire = signed(form);
        assertThat(wire.query()).contains(form == Form.PRESIGNED ? "X-Amz-Signature=" : "domain=");
        assertAllRejected(mutations(wire.query(), false), wire::withQuery);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenAnySignedHeaderValueByteChanged_failsEveryTime(Form form) {
        Wire wire = signed(form);
        List<String> signedHeaders = wire.signedHeaders();
        assertThat(signedHeaders).contains("host", "content-type", "x-amz-target");
        for (String name : signedHeaders) {
            assertAllRejected(mutations(wire.header(name), true), value -> wire.withHeader(name, value));
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenAnyBodyByteChanged_failsWithSignatureDoesNotMatch(Form form) {
        Wire wire = signed(form);
        byte[] body = wire.body();
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < body.length; i++) {
            for (int delta : new int[] {1, 0x20, 0x80}) {
                byte[] changed = body.clone();
                changed[i] = (byte) (changed[i] ^ delta);
                tried++;
                try {
                    verifier.verify(wire.withBody(changed).toSignedRequest());
                    accepted.add("byte " + i + " ^ " + delta);
                } catch (ServiceException e) {
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                }
            }
        }
        assertThat(tried).isEqualTo(body.length * 3);
        assertThat(accepted).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenBodyTruncatedOrExtended_failsWithSignatureDoesNotMatch(Form form) {
        Wire wire = signed(form);
        byte[] body = wire.body();
        for (byte[] changed : List.of(java.util.Arrays.copyOf(body, body.length - 1),
                java.util.Arrays.copyOf(body, body.length + 1), new byte[0])) {
            assertThatThrownBy(() -> verifier.verify(wire.withBody(changed).toSignedRequest()))
                    .isInstanceOf(ServiceException.class)
                    .extracting(e -> ((ServiceException) e).code()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @org.junit.jupiter.api.Test
    void verify_whenAnySignatureCharacterChanged_failsWithSignatureDoesNotMatch() {
        Wire wire = signed(Form.HEADER);
        String authorization = wire.header("Authorization");
        int start = authorization.indexOf("Signature=") + "Signature=".length();
        String signature = authorization.substring(start);
        assertThat(signature).hasSize(64);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < signature.length(); i++) {
            for (char replacement : "0123456789abcdefABCDEF".toCharArray()) {
                if (replacement == signature.charAt(i)) {
                    continue;
                }
                String changed = signature.substring(0, i) + replacement + signature.substring(i + 1);
                try {
                    verifier.verify(wire.withHeader("Authorization", authorization.substring(0, start) + changed)
                            .toSignedRequest());
                    accepted.add(changed);
                } catch (ServiceException e) {
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.getMessage()).isEqualTo(SigV4Errors.SIGNATURE_MISMATCH);
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void verify_whenAnyAuthorizationHeaderByteChanged_failsEveryTime() {
        Wire wire = signed(Form.HEADER);
        assertAllRejected(mutations(wire.header("Authorization"), true),
                value -> wire.withHeader("Authorization", value));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenSignatureTruncatedOrExtended_fails(Form form) {
        Wire wire = signed(form);
        if (form == Form.HEADER) {
            String authorization = wire.header("Authorization");
            for (String changed : List.of(authorization.substring(0, authorization.length() - 1),
                    authorization + "0")) {
                assertRejected(wire.withHeader("Authorization", changed), changed);
            }
        } else {
            String query = wire.query();
            for (String changed : List.of(query.substring(0, query.length() - 1), query + "0")) {
                assertRejected(wire.withQuery(changed), changed);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenAnySignedHeaderRemoved_failsEveryTime(Form form) {
        Wire wire = signed(form);
        for (String name : wire.signedHeaders()) {
            assertRejected(wire.withHeader(name), "without " + name);
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenSignedHeaderGetsASecondValue_fails(Form form) {
        Wire wire = signed(form);
        for (String name : wire.signedHeaders()) {
            assertRejected(wire.withHeader(name, wire.header(name), wire.header(name)), "twice " + name);
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void verify_whenUnsignedHeaderAddedOrChanged_stillVerifies(Form form) {
        Wire wire = signed(form).withHeader("User-Agent", "aws-sdk-java/2.40.2").withHeader("X-Extra", "anything");

        assertThat(verifier.verify(wire.toSignedRequest()).accessKeyId()).isEqualTo(SdkSigning.TEMP_ACCESS_KEY_ID);
    }

    /** Every single-character replacement of {@code original}: a letter, a digit, and optionally the other case. */
    private static List<String> mutations(String original, boolean flipCase) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            List<Character> replacements = new ArrayList<>();
            replacements.add(c == 'z' ? 'y' : 'z');
            replacements.add(c == '7' ? '6' : '7');
            if (flipCase && Character.isLetter(c) && c < 0x80) {
                replacements.add(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            for (char r : replacements) {
                out.add(original.substring(0, i) + r + original.substring(i + 1));
            }
        }
        assertThat(out.size()).isGreaterThanOrEqualTo(2 * original.length());
        return out;
    }

    private void assertAllRejected(List<String> mutated, Function<String, Wire> apply) {
        List<String> accepted = new ArrayList<>();
        for (String value : mutated) {
            try {
                verifier.verify(apply.apply(value).toSignedRequest());
                accepted.add(value);
            } catch (ServiceException expected) {
                // rejected, as it should be
            }
        }
        assertThat(accepted).as("mutations that verified").isEmpty();
    }

    private void assertRejected(Wire wire, String description) {
        assertThatThrownBy(() -> verifier.verify(wire.toSignedRequest())).as(description)
                .isInstanceOf(ServiceException.class);
    }
}
