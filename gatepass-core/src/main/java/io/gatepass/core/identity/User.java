package io.gatepass.core.identity;

import java.time.Instant;

/** An IAM user. {@code userId} is the stable unique id (AIDA...). */
public record User(String accountId, String userName, String userId, String path, Instant createDate) {
    public String arn() {
        return "arn:aws:iam::" + accountId + ":user" + path + userName;
    }
}
