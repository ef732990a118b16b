package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.server.internal.api.CommonErrors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets for the test keys. Session tokens are recorded, not checked (checking them is the real resolver's job; here
 * that lets a changed token be caught by the signature alone). Identity: "identity-of-" + access key id.
 */
final class TestSecrets implements SigningSecrets<String> {
    private final Map<String, String> secrets = new HashMap<>();
    final List<String> tokensSeen = new ArrayList<>();

    TestSecrets() {
        secrets.put(SdkSigning.ACCESS_KEY_ID, SdkSigning.SECRET);
        secrets.put(SdkSigning.TEMP_ACCESS_KEY_ID, SdkSigning.TEMP_SECRET);
    }

    TestSecrets with(String accessKeyId, String secret) {
        secrets.put(accessKeyId, secret);
        return this;
    }

    @Override
    public SigningSecret<String> resolve(String accessKeyId, String sessionToken) {
        tokensSeen.add(sessionToken);
        String secret = secrets.get(accessKeyId);
        if (secret == null) {
            throw CommonErrors.INVALID_CLIENT_TOKEN_ID.exception("The security token included in the request is invalid.");
        }
        return new SigningSecret<>(secret, "identity-of-" + accessKeyId);
    }
}
