package io.gatepass.server.api;

import io.gatepass.core.error.ErrorCode;

import java.util.function.UnaryOperator;

/**
 * What the protocol layer needs to know about one AWS service.
 *
 * @param signingName     the SigV4 service name in the credential scope (sts, iam, gamelift, codeartifact)
 * @param wireName        the name in {@code X-Amz-Target} prefixes and rpcv2Cbor paths (GameLift), or the query
 *                        protocol's XML namespace (STS, IAM)
 * @param naming          member spelling
 * @param validationError the service's own validation error code
 * @param errorSpelling   maps a protocol-neutral error (e.g. {@code AccessDenied}) to this service's spelling
 */
public record ServiceDescriptor(String signingName, String wireName, Naming naming, ErrorCode validationError,
                                UnaryOperator<ErrorCode> errorSpelling) {

    public ErrorCode spell(ErrorCode code) {
        return errorSpelling.apply(code);
    }
}
