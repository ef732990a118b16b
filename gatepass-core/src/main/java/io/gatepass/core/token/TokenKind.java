package io.gatepass.core.token;

import java.time.Duration;
import java.util.Optional;

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

    /** The {@link KeyRingStore} purpose of the keys that sign tokens of this kind. */
    public abstract String keyPurpose();

    /** The longest lifetime of a token of this kind: how long a key verifies after it stopped signing. */
    public abstract Duration maxLifetime();

    /** The token for this subject and expiry (epoch seconds), signed with this key; deterministic. */
    abstract String mint(MacKey key, S subject, long expiry);

    /** The token's parts as read from its text, or null if it is not a token of this kind. */
    abstract Presented<S> read(String token);

    /** Whether the subject a genuine, unexpired token names still exists as the token names it. */
    abstract boolean isLive(S subject);

    /** How many minted tokens {@link TokenAuthority#mint} remembers. */
    abstract int mintedEntries();

    /** How many verified tokens {@link TokenAuthority#verify} remembers; 0 for none. */
    abstract int verifiedEntries();

    /** One presented token, read but not yet checked. */
    interface Presented<S> {
        String keyId();

        /** Epoch seconds. */
        long expiry();

        /** What the token names, or empty if that is gone (refused as {@link Verification.Reason#REVOKED}). */
        Optional<S> subject();

        /** Whether the token is exactly what this key signs for this subject. */
        boolean isSignedBy(MacKey key, S subject);

        /** Whether checking the signature cost enough to remember that it was good. */
        boolean worthRemembering();
    }
}
