package io.gatepass.core.identity;

import java.time.Instant;

/**
 * An IAM role. The trust policy ({@code assumeRolePolicyDocument}) decides who may assume it; sessions last at most
 * {@code maxSessionDuration} seconds.
 */
public record Role(String accountId, String roleName, String roleId, String path, String assumeRolePolicyDocument,
                   int maxSessionDuration, String description, Instant createDate) {
    public String arn() {
        return "arn:aws:iam::" + accountId + ":role" + path + roleName;
    }
}
