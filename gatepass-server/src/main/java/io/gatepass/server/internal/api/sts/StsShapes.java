package io.gatepass.server.internal.api.sts;

import java.time.Instant;

/** STS input and output members, named as in the AWS model. */
public final class StsShapes {
    private StsShapes() {
    }

    public record GetCallerIdentityResult(String userId, String account, String arn) {
    }

    public record GetSessionTokenRequest(Integer durationSeconds) {
    }

    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        @Override
        public String toString() {
            return "Credentials[" + accessKeyId + ", expires " + expiration + "]";
        }
    }

    public record GetSessionTokenResult(Credentials credentials) {
    }

    public record AssumeRoleRequest(String roleArn, String roleSessionName, Integer durationSeconds) {
    }

    public record AssumedRoleUser(String assumedRoleId, String arn) {
    }

    public record AssumeRoleResult(Credentials credentials, AssumedRoleUser assumedRoleUser) {
    }
}
