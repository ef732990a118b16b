package io.gatepass.server.internal.identity;

import io.gatepass.core.internal.crypto.SecretCipher;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.core.identity.SessionCredentials;
import io.gatepass.store.Store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mints access keys and temporary credentials: generates the id and secret, encrypts the secret under the master
 * key, stores it, and hands the plaintext back exactly once.
 */
public final class KeyIssuer {
    private final Store store;
    private final SecretCipher cipher;
    private final IdGenerator ids;
    /** Encrypted secret → its plaintext, with the access key id it was encrypted for (its context). */
    private final Map<String, Decrypted> decrypted = new ConcurrentHashMap<>();
    private static final int MAX_DECRYPTED = 10_000;

    public KeyIssuer(Store store, SecretCipher cipher, IdGenerator ids) {
        this.store = store;
        this.cipher = cipher;
        this.ids = ids;
    }

    /** A new long-term key for the user (null: the account's root), or a given id/secret pair (bootstrap). */
    public IssuedKey issueAccessKey(String accountId, String userName, Instant now, String givenId, String givenSecret) {
        String id = givenId != null ? givenId : ids.longTermAccessKeyId();
        String secret = givenSecret != null ? givenSecret : ids.secretAccessKey();
        AccessKey key = new AccessKey(id, accountId, userName, cipher.encrypt(secret, id), AccessKeyStatus.Active,
                now.truncatedTo(ChronoUnit.SECONDS));
        store.accessKeys().create(key);
        return new IssuedKey(key, secret);
    }

    /**
     * A new long-term key for a user (or root when {@code userName} is null), unless the owner already holds
     * {@code quota} keys: the count and the insert are one atomic step in the store.
     */
    public java.util.Optional<IssuedKey> issueAccessKeyWithinQuota(String accountId, String userName, Instant now,
                                                                   int quota) {
        String id = ids.longTermAccessKeyId();
        String secret = ids.secretAccessKey();
        AccessKey key = new AccessKey(id, accountId, userName, cipher.encrypt(secret, id), AccessKeyStatus.Active,
                now.truncatedTo(ChronoUnit.SECONDS));
        return store.accessKeys().createWithinQuota(key, quota) ? java.util.Optional.of(new IssuedKey(key, secret))
                : java.util.Optional.empty();
    }

    /** New temporary credentials; {@code template} supplies everything but the id, secret and token. */
    public IssuedSession issueSession(SessionTemplate template, Instant now, Instant expiration) {
        String id = ids.temporaryAccessKeyId();
        String secret = ids.secretAccessKey();
        String token = ids.sessionToken();
        SessionCredentials session = new SessionCredentials(id, template.accountId(), cipher.encrypt(secret, id),
                tokenHash(token), template.userName(), template.roleName(), template.roleId(),
                template.roleSessionName(), template.sourceArn(), expiration, now.truncatedTo(ChronoUnit.SECONDS));
        store.sessions().create(session);
        return new IssuedSession(session, secret, token);
    }

    /**
     * The plaintext secret of a stored key or session. Decrypted once per stored value and then remembered (an
     * AES-GCM decryption per signed request was a measurable share of it): the caller has already found the key in
     * the store and checked it is usable, so a revoked key never reaches this.
     */
    public String secretOf(String accessKeyId, String encryptedSecret) {
        Decrypted known = decrypted.get(encryptedSecret);
        if (known != null && known.accessKeyId().equals(accessKeyId)) {
            return known.secret();
        }
        String secret = cipher.decrypt(encryptedSecret, accessKeyId);
        if (decrypted.size() >= MAX_DECRYPTED) {
            decrypted.clear();
        }
        decrypted.put(encryptedSecret, new Decrypted(accessKeyId, secret));
        return secret;
    }

    private record Decrypted(String accessKeyId, String secret) {
        @Override
        public String toString() {
            return "Decrypted[" + accessKeyId + "]";
        }
    }

    /** How session tokens are stored: hex SHA-256. */
    public static String tokenHash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who a session acts as. */
    public record SessionTemplate(String accountId, String userName, String roleName, String roleId,
                                  String roleSessionName, String sourceArn) {
    }

    public record IssuedKey(AccessKey key, String secret) {
        @Override
        public String toString() {
            return "IssuedKey[" + key + "]";
        }
    }

    public record IssuedSession(SessionCredentials session, String secret, String sessionToken) {
        @Override
        public String toString() {
            return "IssuedSession[" + session + "]";
        }
    }
}
