package io.gatepass.server.internal.auth;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.Account;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.core.identity.Principal;
import io.gatepass.core.identity.PrincipalType;
import io.gatepass.core.identity.Role;
import io.gatepass.core.identity.SessionCredentials;
import io.gatepass.core.identity.User;
import io.gatepass.server.internal.identity.KeyIssuer;
import io.gatepass.store.Store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * Finds the secret and the identity behind an access key id, refusing unknown and inactive keys, temporary keys
 * without their session token, and expired sessions, with the errors AWS gives.
 */
public final class CredentialResolver {
    private final Store store;
    private final KeyIssuer issuer;
    private final Clock clock;
    /**
     * The last long-term key resolved: its secret and principal are functions of the key record (and the user record)
     * the store handed out, so while the store hands out those very objects again they are reused. Every call still
     * looks the key (and the user) up and checks its status; a changed record is another object, and is resolved anew.
     */
    private volatile LongTerm lastLongTerm;

    private record LongTerm(AccessKey key, User user, Resolved resolved) {
        @Override
        public String toString() {
            return "LongTerm[" + resolved + "]";
        }
    }

    public CredentialResolver(Store store, KeyIssuer issuer, Clock clock) {
        this.store = store;
        this.issuer = issuer;
        this.clock = clock;
    }

    public Resolved resolve(String accessKeyId, String sessionToken) {
        if (accessKeyId.startsWith("ASIA")) {
            return resolveSession(accessKeyId, sessionToken);
        }
        AccessKey key = store.accessKeys().find(accessKeyId).orElse(null);
        if (key == null || key.status() != AccessKeyStatus.Active || sessionToken != null) {
            throw invalidToken();
        }
        User user = key.isRoot() ? null
                : store.users().find(key.accountId(), key.userName()).orElseThrow(CredentialResolver::invalidToken);
        LongTerm seen = lastLongTerm;
        if (seen != null && seen.key == key && seen.user == user) {
            return seen.resolved;
        }
        Principal principal = user == null
                ? root(key.accountId(), accessKeyId, null)
                : user(key.accountId(), user, accessKeyId, null);
        Resolved resolved = new Resolved(issuer.secretOf(accessKeyId, key.encryptedSecret()), principal);
        lastLongTerm = new LongTerm(key, user, resolved);
        return resolved;
    }

    private Resolved resolveSession(String accessKeyId, String sessionToken) {
        SessionCredentials session = store.sessions().find(accessKeyId).orElseThrow(CredentialResolver::invalidToken);
        if (sessionToken == null || !MessageDigest.isEqual(
                KeyIssuer.tokenHash(sessionToken).getBytes(StandardCharsets.US_ASCII),
                session.sessionTokenHash().getBytes(StandardCharsets.US_ASCII))) {
            throw invalidToken();
        }
        if (!clock.instant().isBefore(session.expiration())) {
            throw CommonErrors.EXPIRED_TOKEN.exception("The security token included in the request is expired");
        }
        Principal principal;
        if (session.isAssumedRole()) {
            principal = new Principal(session.accountId(),
                    Role.sessionArn(session.accountId(), session.roleName(), session.roleSessionName()),
                    session.roleId() + ":" + session.roleSessionName(), PrincipalType.ASSUMED_ROLE,
                    session.roleName(), accessKeyId, session.expiration());
        } else if (session.userName() == null) {
            principal = root(session.accountId(), accessKeyId, session);
        } else {
            principal = user(session.accountId(), session.userName(), accessKeyId, session);
        }
        return new Resolved(issuer.secretOf(accessKeyId, session.encryptedSecret()), principal);
    }

    private static Principal root(String accountId, String accessKeyId, SessionCredentials session) {
        return new Principal(accountId, Account.rootArn(accountId), accountId, PrincipalType.ROOT, null,
                accessKeyId, session == null ? null : session.expiration());
    }

    private Principal user(String accountId, String userName, String accessKeyId, SessionCredentials session) {
        return user(accountId, store.users().find(accountId, userName).orElseThrow(CredentialResolver::invalidToken),
                accessKeyId, session);
    }

    private static Principal user(String accountId, User found, String accessKeyId, SessionCredentials session) {
        return new Principal(accountId, found.arn(), found.userId(), PrincipalType.USER, found.userName(), accessKeyId,
                session == null ? null : session.expiration());
    }

    private static ServiceException invalidToken() {
        return CommonErrors.INVALID_CLIENT_TOKEN_ID.exception("The security token included in the request is invalid.");
    }

    /** A resolved key: the secret to check the signature with, and who signed. */
    public record Resolved(String secret, Principal principal) {
        @Override
        public String toString() {
            return "Resolved[" + principal.arn() + "]";
        }
    }
}
