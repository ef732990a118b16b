package io.gatepass.core.identity;

import java.time.Instant;

/**
 * Temporary credentials (ASIA... key id) from GetSessionToken or AssumeRole. The secret is held encrypted and the
 * session token only as its SHA-256 hash.
 *
 * <p>For GetSessionToken the session acts as its source identity: {@code userName} is the user (null for root) and
 * {@code roleName} is null. For AssumeRole, {@code roleName}, {@code roleId} and {@code roleSessionName} name the role
 * session, and {@code sourceArn} records who assumed it.
 */
public record SessionCredentials(String accessKeyId, String accountId, String encryptedSecret, String sessionTokenHash,
                                 String userName, String roleName, String roleId, String roleSessionName,
                                 String sourceArn, Instant expiration, Instant createDate) {

    public boolean isAssumedRole() {
        return roleName != null;
    }

    @Override
    public String toString() {
        return "SessionCredentials[" + accessKeyId + ", account=" + accountId + ", role=" + roleName
                + ", session=" + roleSessionName + ", expires=" + expiration + "]";
    }
}
