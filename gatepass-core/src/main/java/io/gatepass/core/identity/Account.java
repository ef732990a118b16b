package io.gatepass.core.identity;

import java.time.Instant;

/** An account: the 12-digit owner of users, roles and every resource they create. */
public record Account(String accountId, Instant createDate) {
    public String rootArn() {
        return rootArn(accountId);
    }

    /** The ARN of an account's root (its administrator). */
    public static String rootArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }
}
