package io.gatepass.server.internal.auth.sigv4;

import java.util.Objects;

/**
 * A secret access key and the identity it belongs to. {@link #toString()} never shows the secret.
 *
 * @param secretAccessKey the secret access key in plain text
 * @param identity        handed back in {@link VerifiedRequest#identity()} when the signature is good
 * @param <I>             the caller's identity type
 */
public record SigningSecret<I>(String secretAccessKey, I identity) {

    public SigningSecret {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "SigningSecret[identity=" + identity + "]";
    }
}
