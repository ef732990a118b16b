package io.gatepass.core.identity;

import java.time.Instant;

/** An account: the 12-digit owner of users, roles and every resource they create. */
public record Account(String accountId, Instant createDate) {
    public String rootArn() {
        return "arn:aws:iam::" + accountId + ":root";
    }
}
