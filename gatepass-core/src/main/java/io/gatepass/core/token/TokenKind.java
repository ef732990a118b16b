package io.gatepass.core.token;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * What is particular to one kind of token: its key ring's purpose and longest token lifetime, its text format and
 * signature, and what its subject must still be for a token to be accepted. {@link TokenAuthority} does the rest (the
 * key ring, the order of the checks, the memories) the same way for every kind. The kinds are
 * {@link ComputeAuthTokens} (GameLift compute auth tokens) and {@link RepositoryTokens} (CodeArtifact repository
 * authorization tokens).
 *
 * @param <S> what a token of this kind is issued for
 */
public abstract sealed class TokenKind<S> permits ComputeAuthTokens, ComputeAuthTokens.PresentedAs, RepositoryTokens {
    private final String keyPurpose;
    private final Duration maxLifetime;
    private final int mintedEntries;
    private final int verifiedEntries;

    /**
     * @param mintedEntries   how many minted tokens {@link TokenAuthority#mint} remembers
     * @param verifiedEntries how many verified tokens {@link TokenAuthority#verify} remembers; 0 for none
     */
    TokenKind(String keyPurpose, Duration maxLifetime, int mintedEntries, int verifiedEntries) {
        this.keyPurpose = Objects.requireNonNull(keyPurpose, "keyPurpose");
        this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
        this.mintedEntries = mintedEntries;
        this.verifiedEntries = verifiedEntries;
    }

    /** The {@link KeyRingStore} purpose of the keys that sign tokens of this kind. */
    public final String keyPurpose() {
        return keyPurpose;
    }

    /** The longest lifetime of a token of this kind: how long a key verifies after it stopped signing. */
    public final Duration maxLifetime() {
        return maxLifetime;
    }

    final int mintedEntries() {
        return mintedEntries;
    }

    final int verifiedEntries() {
        return verifiedEntries;
    }

    /** The token for this subject and expiry (epoch seconds), signed with this key; deterministic. */
    abstract String mint(MacKey key, S subject, long expiry);

    /** The token's parts as read from its text, or null if it is not a token of this kind. */
    abstract Presented<S> read(String token);

    /** Whether the subject a genuine, unexpired token names still exists as the token names it. */
    abstract boolean isLive(S subject);

    /**
     * One presented token, read but not yet checked.
     *
     * @param expiry           epoch seconds
     * @param subject          what the token names, or empty if that is gone (refused as
     *                         {@link Verification.Reason#REVOKED})
     * @param signedBy         whether the token is exactly what a key signs for a subject
     * @param worthRemembering whether checking the signature costs enough to remember that it was good
     */
    record Presented<S>(String keyId, long expiry, Supplier<Optional<S>> subject, BiPredicate<MacKey, S> signedBy,
                        boolean worthRemembering) {
    }
}
