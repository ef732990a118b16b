package io.gatepass.server.internal.api;

import io.gatepass.core.error.ErrorCode;

/**
 * What the protocol layer needs to know about one AWS service.
 *
 * @param signingName     the SigV4 service name in the credential scope (sts, iam, gamelift, codeartifact)
 * @param wireName        the name in {@code X-Amz-Target} prefixes and rpcv2Cbor paths (GameLift), or the query
 *                        protocol's XML namespace (STS, IAM)
 * @param naming          member spelling
 * @param validationError the service's own validation error code
 * @param errorSpelling   how this service writes protocol-neutral errors (e.g. {@code AccessDenied})
 */
public record ServiceDescriptor(String signingName, String wireName, Naming naming, ErrorCode validationError,
                                ErrorSpelling errorSpelling) {

    /** {@code code} as this service writes it. */
    public ErrorCode spell(ErrorCode code) {
        return errorSpelling.spell(code);
    }
}
