package io.gatepass.server.internal.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which resource, when, from where, and how it ended. Never holds a token
 * or a secret: a token is named by its {@link #tokenFingerprint} (the same {@code sha256:} prefix the refusal logs
 * and the agent use) and, for temporary credentials and access keys, by the access key id.
 *
 * @param time             when it happened (the server's clock), written in UTC with milliseconds
 * @param kind             what sort of event it is
 * @param action           {@code service:Operation} as in IAM policies, e.g. {@code iam:CreateUser}; null when a
 *                         refused request could not even be read that far
 * @param outcome          success or failure
 * @param errorCode        the AWS error code (or the refusal reason) of a failure, else null
 * @param principal        the caller's ARN, null when the request was not authenticated
 * @param accountId        the caller's account, null when not authenticated
 * @param accessKeyId      the key that signed the request (also the claimed key of a refused signature)
 * @param resource         the resource ARN the action was authorized on, or null
 * @param sourceAddress    the TCP peer address of the client
 * @param requestId        the request id the client saw ({@code x-amzn-RequestId}), or null
 * @param tokenFingerprint {@code sha256:<8 hex>} of a token minted or presented, or null
 * @param tokenId          the access key id of minted temporary credentials, or of a created, deactivated or deleted
 *                         access key; null otherwise
 * @param tokenExpiry      when a minted token expires, or null
 * @param detail           a short free text (at most {@value #MAX_DETAIL} characters), e.g. the package endpoint's
 *                         method and path, or the number of lines dropped before a gap; never a body
 */
public record AuditEvent(Instant time, Kind kind, String action, Outcome outcome, String errorCode, String principal,
                         String accountId, String accessKeyId, String resource, String sourceAddress,
                         String requestId, String tokenFingerprint, String tokenId, Instant tokenExpiry,
                         String detail) {
    public static final int MAX_DETAIL = 256;

    /** What an event records. */
    public enum Kind {
        /** A token or temporary credentials were issued. */
        MINT,
        /** A presented token or signature was refused, or a token holder was denied at a package endpoint. */
        REFUSAL,
        /** A change that makes tokens or keys stop working (deregistered compute, deleted domain, key deactivated). */
        REVOCATION,
        /** Any other create, update or delete. */
        CHANGE,
        /** A read-only call (only with {@code --audit-reads}). */
        READ,
        /** The writer fell behind and dropped lines here; {@link #detail} says how many. */
        GAP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        SUCCESS, FAILURE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...";
    }

    public static Builder at(Instant time, Kind kind) {
        return new Builder(time, kind);
    }

    /** Collects the optional fields; {@link #build()} makes the event. */
    public static final class Builder {
        private final Instant time;
        private final Kind kind;
        private String action;
        private Outcome outcome = Outcome.SUCCESS;
        private String errorCode;
        private String principal;
        private String accountId;
        private String accessKeyId;
        private String resource;
        private String sourceAddress;
        private String requestId;
        private String tokenFingerprint;
        private String tokenId;
        private Instant tokenExpiry;
        private String detail;

        private Builder(Instant time, Kind kind) {
            this.time = time;
            this.kind = kind;
        }

        public Builder action(String value) {
            action = value;
            return this;
        }

        /** A failure with this error code (or reason); null for success. */
        public Builder failure(String code) {
            outcome = code == null ? Outcome.SUCCESS : Outcome.FAILURE;
            errorCode = code;
            return this;
        }

        public Builder principal(String arn, String account, String keyId) {
            principal = arn;
            accountId = account;
            accessKeyId = keyId;
            return this;
        }

        public Builder accessKeyId(String value) {
            accessKeyId = value;
            return this;
        }

        public Builder resource(String value) {
            resource = value;
            return this;
        }

        public Builder source(String address, String id) {
            sourceAddress = address;
            requestId = id;
            return this;
        }

        /** Names a token by its fingerprint; the token itself is not kept. */
        public Builder token(String token) {
            tokenFingerprint = token == null || token.isEmpty() ? null : Fingerprint.of(token);
            return this;
        }

        public Builder tokenId(String value) {
            tokenId = value;
            return this;
        }

        public Builder tokenExpiry(Instant value) {
            tokenExpiry = value;
            return this;
        }

        public Builder detail(String value) {
            detail = value;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(time, kind, action, outcome, errorCode, principal, accountId, accessKeyId,
                    resource, sourceAddress, requestId, tokenFingerprint, tokenId, tokenExpiry, detail);
        }
    }
}
