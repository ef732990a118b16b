package io.gatepass.core.token;

import io.gatepass.core.token.Verification.Reason;
import io.gatepass.core.token.Verification.Refused;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mints and verifies the tokens of one {@link TokenKind}, signed by the kind's key ring. Minting is deterministic: the
 * same subject, expiry and key give the same token. Tokens are never logged; use {@link TokenVerifier#fingerprint}.
 *
 * <p>A token is accepted while its key is in the ring, its signature matches, its expiry is in the future and its
 * subject still exists as it names it. The checks run in that order (see {@link Verification.Reason}).
 *
 * <p>Two small memories save work and never a check: {@link #mint} returns the token it minted last for the same key,
 * subject and expiry (a caller asks again and again for the same token), and {@link #verify} remembers tokens whose
 * signature was costly to check ({@link TokenKind.Presented#worthRemembering}), by their text, until they expire; each
 * verify still asks whether the key verifies now, whether the token has expired and whether its subject is live.
 *
 * @param <S> what a token is issued for
 * @param <K> the kind, for its own rules (expiry, claims): {@link #kind()}
 */
public final class TokenAuthority<S, K extends TokenKind<S>> implements TokenVerifier<S> {
    private final K kind;
    private final Supplier<KeyRing> keyRing;
    private final Clock clock;
    private final BoundedMemory<String, Checked<S>> verified;
    private final BoundedMemory<Minting<S>, String> minted;

    /** A token whose signature was found good, with what verify needs besides. */
    private record Checked<S>(String keyId, Instant keyCreatedAt, S subject, Instant expiry) {
    }

    /**
     * What a minted token is a function of. Equality is written out: a record's generated one is method-handle code
     * the JIT compiler inlines into the compiled minting path (docs/benchmarks.md, issue 12, seventh pass).
     */
    private record Minting<S>(String keyId, Instant keyCreatedAt, S subject, long expiry) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Minting<?> minting && expiry == minting.expiry && keyId.equals(minting.keyId)
                    && Objects.equals(keyCreatedAt, minting.keyCreatedAt) && subject.equals(minting.subject);
        }

        @Override
        public int hashCode() {
            return ((31 * keyId.hashCode() + Objects.hashCode(keyCreatedAt)) * 31 + subject.hashCode()) * 31
                    + Long.hashCode(expiry);
        }
    }

    /**
     * @param keyRing the current ring of the kind's {@link TokenKind#keyPurpose()}, re-read on every call so a
     *                refreshed ring takes effect at once
     */
    public TokenAuthority(K kind, Supplier<KeyRing> keyRing, Clock clock) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verified = new BoundedMemory<>(Math.max(kind.verifiedEntries(), 1));
        this.minted = new BoundedMemory<>(kind.mintedEntries());
    }

    public K kind() {
        return kind;
    }

    /**
     * The token for this subject and expiry, signed with the ring's current signing key. The expiry is kept to the
     * whole second (truncated).
     *
     * @throws IllegalArgumentException if the kind's format cannot carry the subject or the expiry
     */
    public String mint(S subject, Instant expiry) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiry, "expiry");
        Instant now = clock.instant();
        MacKey key = keyRing.get().signingKey(now);
        long seconds = expiry.getEpochSecond();
        Minting<S> minting = new Minting<>(key.keyId(), key.key().createdAt(), subject, seconds);
        String token = minted.get(minting);
        if (token == null) {
            token = kind.mint(key, subject, seconds);
            minted.put(minting, token, expiry, now);
        }
        return token;
    }

    @Override
    public Verification<S> verify(String token) {
        return verify(token, kind);
    }

    /**
     * Verifies a token as a variant of this authority's kind reads it (for example a compute auth token presented for
     * the fleet and compute a caller claims: {@link ComputeAuthTokens#presentedAs}); the same key ring and order of
     * checks, and the memory of verified tokens only for the authority's own kind.
     */
    public Verification<S> verify(String token, TokenKind<S> as) {
        Instant now = clock.instant();
        KeyRing ring = keyRing.get();
        boolean remembers = as == kind && kind.verifiedEntries() > 0;
        Checked<S> checked = remembers && token != null ? verified.get(token) : null;
        if (checked != null) {
            Optional<MacKey> key = ring.verifyingKey(checked.keyId(), now);
            if (key.isEmpty() || !key.get().key().createdAt().equals(checked.keyCreatedAt())) {
                return new Refused<>(Reason.UNKNOWN_KEY);
            }
            return accept(as, checked.subject(), checked.expiry(), now);
        }
        TokenKind.Presented<S> presented = as.read(token);
        if (presented == null) {
            return new Refused<>(Reason.MALFORMED);
        }
        Optional<MacKey> key = ring.verifyingKey(presented.keyId(), now);
        if (key.isEmpty() && keyRing instanceof ReloadableKeyRing reloadable) {
            key = reloadable.reloadedFor(presented.keyId()).verifyingKey(presented.keyId(), now);
        }
        if (key.isEmpty()) {
            return new Refused<>(Reason.UNKNOWN_KEY);
        }
        Optional<S> subject = presented.subject().get();
        if (subject.isEmpty()) {
            return new Refused<>(Reason.REVOKED);
        }
        if (!presented.signedBy().test(key.get(), subject.get())) {
            return new Refused<>(Reason.BAD_SIGNATURE);
        }
        Instant expiry = Instant.ofEpochSecond(presented.expiry());
        if (remembers && presented.worthRemembering() && now.isBefore(expiry)) {
            verified.put(token, new Checked<>(presented.keyId(), key.get().key().createdAt(), subject.get(), expiry),
                    expiry, now);
        }
        return accept(as, subject.get(), expiry, now);
    }

    /** The checks after the signature: expiry, then whether the subject is live. */
    private Verification<S> accept(TokenKind<S> as, S subject, Instant expiry, Instant now) {
        if (!now.isBefore(expiry)) {
            return new Refused<>(Reason.EXPIRED);
        }
        if (!as.isLive(subject)) {
            return new Refused<>(Reason.REVOKED);
        }
        return new Verification.Valid<>(subject, expiry);
    }
}
