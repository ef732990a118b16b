package io.gatepass.core.identity;

import java.time.Instant;

/**
 * The authenticated identity behind a request, as GetCallerIdentity reports it.
 *
 * @param accountId          the account it belongs to
 * @param arn                the caller ARN (…:root, …:user/name, arn:aws:sts::…:assumed-role/role/session)
 * @param userId             the caller's unique id (account id for root, AIDA… for users, AROA…:session for roles)
 * @param type               root, user or assumed role
 * @param name               the user name or role name (null for root)
 * @param accessKeyId        the access key that signed the request
 * @param sessionExpiration  when the signing temporary credentials expire; null for long-term keys
 */
public record Principal(String accountId, String arn, String userId, PrincipalType type, String name,
                        String accessKeyId, Instant sessionExpiration) {

    public boolean isRoot() {
        return type == PrincipalType.ROOT;
    }

    public boolean isTemporary() {
        return sessionExpiration != null;
    }
}
