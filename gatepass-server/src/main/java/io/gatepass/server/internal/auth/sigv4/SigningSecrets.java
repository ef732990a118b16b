package io.gatepass.server.internal.auth.sigv4;

import io.gatepass.core.error.ServiceException;

/**
 * Finds the secret access key behind an access key id. Called once per request, after the signature's shape, date
 * and credential scope have been checked and before the signature itself is.
 *
 * @param <I> whatever the caller wants back on success to describe who signed (for example a {@code Principal})
 */
@FunctionalInterface
public interface SigningSecrets<I> {

    /**
     * @param accessKeyId  the access key id from the credential scope, as the client sent it (possibly empty)
     * @param sessionToken the {@code X-Amz-Security-Token} header or query parameter, or null when absent
     * @return the secret and identity; never null
     * @throws ServiceException for an unknown or inactive key ({@code InvalidClientTokenId}), a missing, wrong or
     *                          expired session token ({@code InvalidClientTokenId}, {@code ExpiredToken}); the
     *                          verifier lets it through unchanged
     */
    SigningSecret<I> resolve(String accessKeyId, String sessionToken) throws ServiceException;
}
