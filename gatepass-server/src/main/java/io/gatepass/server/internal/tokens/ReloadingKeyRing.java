package io.gatepass.server.internal.tokens;

import io.gatepass.core.token.KeyRing;
import io.gatepass.core.token.KeyRingStore;
import io.gatepass.core.token.ReloadableKeyRing;
import io.gatepass.core.token.TokenKind;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One kind of token's key ring, loaded from the store (creating the first key if there is none) and reloaded on
 * request, so that a key another node added is seen; also when a token names a key this node has not loaded yet, at most
 * once per {@link #MISS_RELOAD_INTERVAL}.
 */
public final class ReloadingKeyRing implements ReloadableKeyRing {
    /** The shortest time between two reloads caused by tokens naming unknown keys. */
    public static final Duration MISS_RELOAD_INTERVAL = Duration.ofSeconds(1);
    private final AtomicReference<KeyRing> ring = new AtomicReference<>();
    private final KeyRingStore store;
    private final String purpose;
    private final Duration maxTokenLifetime;
    private final Clock clock;
    private final Object missLock = new Object();
    /**
     * Held from reading the store to installing what was read, by {@link #reload} and {@link #rotate}: without it a
     * reload that read the store before a rotation could install its older ring after the rotation's, and this node
     * would lose the new key (refusing its tokens, reporting an older newest key) until a later reload.
     */
    private final Object installLock = new Object();
    private long lastMissReloadNanos = System.nanoTime() - MISS_RELOAD_INTERVAL.toNanos();

    /** The ring of the kind's {@link TokenKind#keyPurpose()}, keeping keys for its {@link TokenKind#maxLifetime()}. */
    public ReloadingKeyRing(KeyRingStore store, TokenKind<?> kind, Clock clock) {
        this.store = store;
        this.purpose = kind.keyPurpose();
        this.maxTokenLifetime = kind.maxLifetime();
        this.clock = clock;
        reload();
    }

    /**
     * Loads the ring again; when it holds the same keys as before, the ring already loaded is kept, with what its keys
     * derived on first use (the Ed25519 key pair, each thread's HMAC and signers), rather than derived again after
     * every reload.
     */
    public void reload() {
        synchronized (installLock) {
            KeyRing loaded = KeyRing.loadOrCreate(store, purpose, maxTokenLifetime, clock, new SecureRandom());
            KeyRing current = ring.get();
            if (current == null || !current.hasSameKeysAs(loaded)) {
                ring.set(loaded);
            }
        }
    }

    /** Adds a new key to the store (it signs once the cluster has loaded it) and takes the reloaded ring. */
    public void rotate() {
        synchronized (installLock) {
            ring.set(KeyRing.rotate(store, purpose, maxTokenLifetime, clock, new SecureRandom()));
        }
    }

    @Override
    public KeyRing reloadedFor(String keyId) {
        KeyRing current = ring.get();
        if (current.keyIds().contains(keyId)) {
            return current; // known here (perhaps retired): reloading would not help
        }
        synchronized (missLock) {
            current = ring.get();
            long now = System.nanoTime();
            if (current.keyIds().contains(keyId) || now - lastMissReloadNanos < MISS_RELOAD_INTERVAL.toNanos()) {
                return current;
            }
            lastMissReloadNanos = now;
            reload();
            return ring.get();
        }
    }

    public String purpose() {
        return purpose;
    }

    KeyRingStore store() {
        return store;
    }

    @Override
    public KeyRing get() {
        return ring.get();
    }
}
