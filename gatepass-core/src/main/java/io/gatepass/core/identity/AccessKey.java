package io.gatepass.core.identity;

import java.time.Instant;

/**
 * A long-term access key. {@code userName} is null for the account's root (administrator) key. The secret is only
 * ever held encrypted here; {@code toString} never shows it.
 */
public record AccessKey(String accessKeyId, String accountId, String userName, String encryptedSecret,
                        AccessKeyStatus status, Instant createDate) {

    public boolean isRoot() {
        return userName == null;
    }

    public AccessKey withStatus(AccessKeyStatus newStatus) {
        return new AccessKey(accessKeyId, accountId, userName, encryptedSecret, newStatus, createDate);
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + ", account=" + accountId + ", user=" + userName + ", " + status + "]";
    }
}
