package io.gatepass.core.identity;

import java.time.Instant;

/**
 * An IAM role. The trust policy ({@code assumeRolePolicyDocument}) decides who may assume it; sessions last at most
 * {@code maxSessionDuration} seconds.
 */
public record Role(String accountId, String roleName, String roleId, String path, String assumeRolePolicyDocument,
                   int maxSessionDuration, String description, Instant createDate) {
    public String arn() {
        return arn(accountId, path, roleName);
    }

    /** A role ARN; {@code path} begins and ends with '/', and {@code roleName} may be a wildcard pattern. */
    public static String arn(String accountId, String path, String roleName) {
        return "arn:aws:iam::" + accountId + ":role" + path + roleName;
    }

    /** The ARN a session of this role acts under: {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}. */
    public static String sessionArn(String accountId, String roleName, String sessionName) {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
    }
}
