package io.gatepass.server.internal.endpoints.sdk;

import java.util.Locale;

/**
 * Why a websocket handshake was refused. The client learns only the HTTP status; the reason goes to the log (with
 * fleet, compute and pID) and to the {@code gatepass.sdk.handshake.refusals} counter in {@code /metrics}.
 */
public enum Refusal {
    /** No {@code pID}. */
    MISSING_PROCESS_ID(400),
    /** A {@code pID} that is too long or holds control characters. */
    INVALID_PROCESS_ID(400),
    /** A query string that cannot be decoded (a malformed percent-escape). */
    MALFORMED_QUERY(400),
    /** No {@code Authorization} parameter. */
    MISSING_TOKEN(403),
    /** Not a compute auth token of Gatepass's format. */
    MALFORMED_TOKEN(403),
    /** Signed with a key the key ring does not (or no longer) have. */
    UNKNOWN_TOKEN_KEY(403),
    /** The signature does not match: made up or altered. */
    FORGED_TOKEN(403),
    /** Genuine but expired. */
    EXPIRED_TOKEN(403),
    /** The compute was deregistered or its fleet deleted. */
    REVOKED_TOKEN(403),
    /** {@code FleetId} missing, malformed, or another fleet than the token's (or, with SigV4, no such fleet). */
    WRONG_FLEET(403),
    /** {@code ComputeId} missing, malformed, or another compute than the token's (or, with SigV4, not registered). */
    WRONG_COMPUTE(403),
    /** The {@code pID} is connected for another fleet or compute. */
    PROCESS_ID_IN_USE(403),
    /** SigV4: a part is missing or malformed, or the scope is not {@code <date>/<region>/gamelift}. */
    SIGV4_MALFORMED(403),
    /** SigV4: {@code X-Amz-Date} more than 15 minutes from the server's clock. */
    SIGV4_STALE(403),
    /** SigV4: unknown or inactive access key, or a wrong session token. */
    SIGV4_UNKNOWN_KEY(403),
    /** SigV4: the temporary credentials expired. */
    SIGV4_EXPIRED_CREDENTIALS(403),
    /** SigV4: the signature does not match. */
    SIGV4_BAD_SIGNATURE(403),
    /** SigV4: the signer is not allowed {@code gamelift:*} on the fleet. */
    SIGV4_ACCESS_DENIED(403);

    private final int httpStatus;

    Refusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The reason as a metric tag and log word: lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
