package io.gatepass.core.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys of one token purpose, an immutable snapshot of a {@link KeyRingStore}. Keys rotate without downtime:
 * <ul>
 *   <li><b>A new key is published before it signs.</b> It verifies at once but starts signing only when the cluster
 *       has recorded that every live node loaded it ({@link SigningKey#signsFromOrNull}), and at the latest
 *       {@link #ACTIVATION_DELAY} after its creation, so every node has loaded it before any token signed with it
 *       arrives. Nodes must therefore reload their ring (with {@link #loadOrCreate}) more often than that, say every
 *       minute.</li>
 *   <li><b>The signing key</b> is the newest key whose activation delay has passed; if none has (a new installation),
 *       the oldest key, so nodes that created their first keys at the same moment agree.</li>
 *   <li><b>An old key verifies</b> until its successor's activation plus the longest token lifetime, plus one more
 *       activation delay of grace for a node that reloaded late; after that its tokens have all expired and it is
 *       ignored. The newest key never retires.</li>
 * </ul>
 * Keys are ordered by creation time, then key id. Two nodes that find the store empty at the same moment may both add a
 * first key: each one verifies everywhere once loaded, and the rules above pick the same signer on every node.
 */
public final class KeyRing {
    /** How long a new key verifies before it signs. */
    public static final Duration ACTIVATION_DELAY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
    private static final Comparator<SigningKey> BY_AGE =
            Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::keyId);

    private final List<MacKey> keys; // oldest first
    private final Map<String, Integer> positions = new HashMap<>();
    private final Duration retention; // after the successor's activation

    private KeyRing(List<SigningKey> sorted, Duration maxTokenLifetime) {
        this.keys = sorted.stream().map(MacKey::new).toList();
        for (int i = 0; i < keys.size(); i++) {
            if (positions.put(keys.get(i).keyId(), i) != null) {
                throw new IllegalArgumentException("key id " + keys.get(i).keyId() + " appears twice");
            }
        }
        this.retention = maxTokenLifetime.plus(ACTIVATION_DELAY);
    }

    /**
     * A ring of the given keys.
     *
     * @param maxTokenLifetime the longest time from minting a token to its expiry; old keys are kept that long
     */
    public static KeyRing of(Collection<SigningKey> keys, Duration maxTokenLifetime) {
        Objects.requireNonNull(maxTokenLifetime, "maxTokenLifetime");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
            throw new IllegalArgumentException("maxTokenLifetime must be positive");
        }
        return new KeyRing(keys.stream().sorted(BY_AGE).toList(), maxTokenLifetime);
    }

    /**
     * The purpose's ring from the store, after adding a first key if the store has none. Call it at start-up and
     * then periodically to pick up keys other nodes added.
     *
     * @param random the source of new key ids and secrets ({@link java.security.SecureRandom} in production)
     */
    public static KeyRing loadOrCreate(KeyRingStore store, String purpose, Duration maxTokenLifetime, Clock clock,
                                       Random random) {
        List<SigningKey> keys = store.load(purpose);
        if (!keys.isEmpty()) {
            return of(keys, maxTokenLifetime);
        }
        SigningKey first = newKey(Set.of(), clock.instant(), random);
        store.add(purpose, first);
        LOG.info("Created the first {} signing key {}", purpose, first.keyId());
        return reload(store, purpose, maxTokenLifetime);
    }

    /**
     * Adds a new key to the store and returns the ring reloaded; the new key signs from {@link #ACTIVATION_DELAY}
     * after now, on every node that has reloaded by then.
     */
    public static KeyRing rotate(KeyRingStore store, String purpose, Duration maxTokenLifetime, Clock clock,
                                 Random random) {
        Set<String> taken = store.load(purpose).stream().map(SigningKey::keyId).collect(Collectors.toSet());
        SigningKey next = newKey(taken, clock.instant(), random);
        store.add(purpose, next);
        LOG.info("Added {} signing key {}; it signs from {}", purpose, next.keyId(),
                next.createdAt().plus(ACTIVATION_DELAY));
        return reload(store, purpose, maxTokenLifetime);
    }

    /**
     * True if {@code other} holds exactly these keys (ids, secrets, creation and signing times) for the same longest
     * token lifetime, so it signs and verifies exactly as this ring does: a reload that found nothing new. Keeping this
     * ring then keeps what its keys derived (each thread's HMAC, the Ed25519 key pair and signers).
     */
    public boolean hasSameKeysAs(KeyRing other) {
        if (other.keys.size() != keys.size() || !other.retention.equals(retention)) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).key().equals(other.keys.get(i).key())) {
                return false;
            }
        }
        return true;
    }

    /** The key that signs new tokens at {@code now}. */
    MacKey signingKey(Instant now) {
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (!activation(i).isAfter(now)) {
                return keys.get(i);
            }
        }
        return keys.get(0);
    }

    /** The newest key (the one a node reports having loaded). */
    public SigningKey newest() {
        return keys.get(keys.size() - 1).key();
    }

    /** The ids of every key in the ring, oldest first. */
    public List<String> keyIds() {
        return keys.stream().map(MacKey::keyId).toList();
    }

    /** True if the newest key signs at {@code now} (so no key is waiting for the cluster to load it). */
    public boolean newestSigns(Instant now) {
        return !activation(keys.size() - 1).isAfter(now);
    }

    /** The ids of keys that no longer verify at {@code now}: every token they signed has expired, so they may go. */
    public List<String> retired(Instant now) {
        return keys.stream().map(MacKey::keyId).filter(id -> verifyingKey(id, now).isEmpty()).toList();
    }

    /**
     * The Ed25519 public keys (32 bytes each, as RFC 8032 encodes them) of every key that verifies at {@code now},
     * oldest first, by key id: what a verifier outside Gatepass needs for repository tokens. A key is listed from the
     * moment it is loaded, before it signs.
     */
    public Map<String, byte[]> ed25519PublicKeys(Instant now) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (MacKey key : keys) {
            if (verifyingKey(key.keyId(), now).isPresent()) {
                out.put(key.keyId(), key.ed25519().rawPublicKey());
            }
        }
        return out;
    }

    /**
     * What each key of the ring does at {@code now}, oldest first: the one key that {@code signing} signs new tokens;
     * a newer key is {@code verifying} (published, waiting for the cluster to load it before it signs); an older key is
     * {@code retiring} (verifies the tokens it signed until {@code verifiesUntil}, then it is removed). Never a secret.
     */
    public List<KeyStatus> statuses(Instant now) {
        MacKey signer = signingKey(now);
        int signerAt = positions.get(signer.keyId());
        List<KeyStatus> out = new java.util.ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            SigningKey key = keys.get(i).key();
            String state = i == signerAt ? KeyStatus.SIGNING : i > signerAt ? KeyStatus.VERIFYING : KeyStatus.RETIRING;
            Instant until = i == keys.size() - 1 ? null : activation(i + 1).plus(retention);
            out.add(new KeyStatus(key.keyId(), key.createdAt(), state, activation(i), until));
        }
        return out;
    }

    /**
     * One key's state in its ring at some moment.
     *
     * @param signsFrom          when it signs (or signed) at the latest: the cluster's agreement or its activation delay
     * @param verifiesUntilOrNull when it stops verifying; null for the newest key, which never retires
     */
    public record KeyStatus(String keyId, Instant createdAt, String state, Instant signsFrom,
                            Instant verifiesUntilOrNull) {
        public static final String SIGNING = "signing";
        public static final String VERIFYING = "verifying";
        public static final String RETIRING = "retiring";
    }

    /** The key with this id if it verifies tokens at {@code now}. */
    Optional<MacKey> verifyingKey(String keyId, Instant now) {
        Integer i = positions.get(keyId);
        if (i == null) {
            return Optional.empty();
        }
        boolean newest = i == keys.size() - 1;
        return newest || now.isBefore(activation(i + 1).plus(retention)) ? Optional.of(keys.get(i)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "KeyRing" + keys.stream().map(k -> k.keyId() + "@" + k.key().createdAt()).toList();
    }

    private Instant activation(int i) {
        SigningKey key = keys.get(i).key();
        Instant latest = key.createdAt().plus(ACTIVATION_DELAY);
        Instant agreed = key.signsFromOrNull();
        return agreed != null && agreed.isBefore(latest) ? agreed : latest;
    }

    private static KeyRing reload(KeyRingStore store, String purpose, Duration maxTokenLifetime) {
        List<SigningKey> keys = store.load(purpose);
        if (keys.isEmpty()) {
            throw new IllegalStateException("the key store returned no " + purpose + " key after adding one");
        }
        return of(keys, maxTokenLifetime);
    }

    private static SigningKey newKey(Set<String> taken, Instant now, Random random) {
        String id;
        do {
            char[] chars = new char[SigningKey.KEY_ID_LENGTH];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = Base62.DIGITS.charAt(random.nextInt(Base62.DIGITS.length()));
            }
            id = new String(chars);
        } while (taken.contains(id));
        byte[] secret = new byte[SigningKey.SECRET_BYTES];
        random.nextBytes(secret);
        return new SigningKey(id, secret, now);
    }
}
