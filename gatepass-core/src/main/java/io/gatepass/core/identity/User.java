package io.gatepass.core.identity;

import java.time.Instant;

/** An IAM user. {@code userId} is the stable unique id (AIDA...). */
public record User(String accountId, String userName, String userId, String path, Instant createDate) {
    public String arn() {
        return arn(accountId, path, userName);
    }

    /** A user ARN; {@code path} begins and ends with '/', and {@code userName} may be a wildcard pattern. */
    public static String arn(String accountId, String path, String userName) {
        return "arn:aws:iam::" + accountId + ":user" + path + userName;
    }
}
