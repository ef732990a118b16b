package io.gatepass.server.internal.auth.sigv4;

import java.time.Instant;
import java.util.List;

/**
 * What a good signature established.
 *
 * @param accessKeyId   the access key id that signed
 * @param scope         the credential scope it signed for
 * @param signedHeaders the names of the headers the signature covers, as the client listed them (lower case, sorted,
 *                      from every SDK); any other header may have been added or changed by anyone on the way
 * @param sessionToken  the session token sent with the request, or null
 * @param identity      what {@link SigningSecrets} returned for the key
 * @param location      header or presigned form
 * @param signedAt      the request's signing time ({@code X-Amz-Date} or {@code Date})
 * @param <I>           the caller's identity type
 */
public record VerifiedRequest<I>(String accessKeyId, CredentialScope scope, List<String> signedHeaders,
                                 String sessionToken, I identity, AuthLocation location, Instant signedAt) {

    public VerifiedRequest {
        signedHeaders = List.copyOf(signedHeaders);
    }

    @Override
    public String toString() {
        return "VerifiedRequest[accessKeyId=" + accessKeyId + ", scope=" + scope + ", signedHeaders=" + signedHeaders
                + ", sessionToken=" + (sessionToken == null ? "none" : "present") + ", identity=" + identity
                + ", location=" + location + ", signedAt=" + signedAt + "]";
    }
}
