package io.gatepass.core.token;

import io.gatepass.core.token.AuthorizationVerification.Reason;
import io.gatepass.core.token.AuthorizationVerification.Refused;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mints and verifies CodeArtifact repository authorization tokens (GetAuthorizationToken). A token carries the domain
 * owner and name, the domain's creation time, the calling principal's ARN and account, the expiry and the signing key's
 * id, and an Ed25519 signature over all of it; see {@link RepositoryTokenFormat} for the layout. Anyone holding the
 * key ring's public keys can check a token offline (see {@code docs/tokens.md}). It uses only {@code [A-Za-z0-9._-]},
 * so it works unquoted as a Basic-auth password (user {@code aws}), an npm {@code _authToken} and in a pip index URL.
 * A typical token is 170 to 220 characters; the longest ARN gives under 3,000. Minting is deterministic: the same
 * subject, expiry and key give the same token. Tokens of format 1 (HMAC-SHA256, minted before format 2) are still
 * verified until they expire.
 *
 * <p>An Ed25519 signature costs far more than an HMAC, so both ends keep a small memory: {@link #mint} returns the
 * token it minted last for the same key, subject and expiry (a burst of GetAuthorizationToken calls in one second signs
 * once), and {@link #verify} remembers tokens whose signature it has checked, by their text, until they expire. The
 * memory never skips the other checks: each verify still asks whether the key verifies now, whether the token has
 * expired and whether its domain still exists with the creation time it was minted with.
 *
 * <p>A token is accepted while its key is in the ring, its expiry is in the future and its domain still exists with
 * the creation time it was minted with. Tokens are never logged; use {@link TokenVerifier#fingerprint}.
 */
public final class RepositoryTokens implements RepositoryTokenVerifier {
    /** The {@link KeyRingStore} purpose of the keys that sign repository authorization tokens. */
    public static final String KEY_PURPOSE = "codeartifact-authorization-token";
    /** The lifetime when GetAuthorizationToken's {@code duration} is omitted, and the longest one it accepts. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(43_200);
    /** The shortest non-zero {@code duration} GetAuthorizationToken accepts. */
    public static final Duration MIN_TTL = Duration.ofSeconds(900);
    /**
     * The longest lifetime of any token: a {@code duration} of 0 follows the caller's session, and STS
     * GetSessionToken sessions last up to 36 hours. Build the key ring with this as its {@code maxTokenLifetime}.
     */
    public static final Duration MAX_LIFETIME = Duration.ofHours(36);

    /** At most this many tokens are remembered as verified (a few MB at most). */
    static final int VERIFIED_ENTRIES = 16_384;
    /** At most this many tokens are remembered as minted. */
    static final int MINTED_ENTRIES = 4_096;

    private final Supplier<KeyRing> keyRing;
    private final RepositoryDomains domains;
    private final Clock clock;
    private final BoundedMemory<String, Checked> verified = new BoundedMemory<>(VERIFIED_ENTRIES);
    private final BoundedMemory<Minting, String> minted = new BoundedMemory<>(MINTED_ENTRIES);

    /** A token whose signature was found good, with what verify needs besides. */
    private record Checked(String keyId, Instant keyCreatedAt, RepositoryTokenSubject subject, Instant expiry) {
    }

    /** What a minted token is a function of. */
    private record Minting(String keyId, Instant keyCreatedAt, RepositoryTokenSubject subject, long expiry) {
    }

    /**
     * @param keyRing the current ring of {@link #KEY_PURPOSE}, re-read on every call so a refreshed ring takes effect
     * @param domains the live domains, consulted by {@link #verify} for otherwise valid tokens
     */
    public RepositoryTokens(Supplier<KeyRing> keyRing, RepositoryDomains domains, Clock clock) {
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        this.domains = Objects.requireNonNull(domains, "domains");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The token for this subject and expiry, signed with the ring's current signing key. The expiry is kept to the
     * whole second (truncated); use {@link #expiry} to compute it from a request.
     *
     * @throws IllegalArgumentException if the expiry is before 1970 or after the year 36812
     */
    public String mint(RepositoryTokenSubject subject, Instant expiry) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiry, "expiry");
        Instant now = clock.instant();
        MacKey key = keyRing.get().signingKey(now);
        long seconds = expiry.getEpochSecond();
        Minting minting = new Minting(key.keyId(), key.key().createdAt(), subject, seconds);
        String token = minted.get(minting);
        if (token == null) {
            token = RepositoryTokenFormat.mint(key, subject, seconds);
            minted.put(minting, token, expiry, now);
        }
        return token;
    }

    @Override
    public AuthorizationVerification verify(String token) {
        Instant now = clock.instant();
        KeyRing ring = keyRing.get();
        Checked checked = token == null ? null : verified.get(token);
        if (checked != null) {
            Optional<MacKey> key = ring.verifyingKey(checked.keyId(), now);
            if (key.isEmpty() || !key.get().key().createdAt().equals(checked.keyCreatedAt())) {
                return new Refused(Reason.UNKNOWN_KEY);
            }
            return accept(checked.subject(), checked.expiry(), now);
        }
        RepositoryTokenFormat.Fields fields = RepositoryTokenFormat.parse(token);
        if (fields == null) {
            return new Refused(Reason.MALFORMED);
        }
        Optional<MacKey> key = ring.verifyingKey(fields.keyId(), now);
        if (key.isEmpty()) {
            return new Refused(Reason.UNKNOWN_KEY);
        }
        if (!(fields.legacy() ? macMatches(key.get(), fields) : RepositoryTokenFormat.isSigned(key.get(), fields))) {
            return new Refused(Reason.BAD_SIGNATURE);
        }
        Instant expiry = Instant.ofEpochSecond(fields.expiry());
        if (!fields.legacy() && now.isBefore(expiry)) {
            verified.put(token, new Checked(fields.keyId(), key.get().key().createdAt(), fields.subject(), expiry),
                    expiry, now);
        }
        return accept(fields.subject(), expiry, now);
    }

    private static boolean macMatches(MacKey key, RepositoryTokenFormat.Fields fields) {
        String expected = RepositoryTokenFormat.mac(key, fields.signed());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                fields.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /** The checks after the signature: expiry, then the domain. */
    private AuthorizationVerification accept(RepositoryTokenSubject subject, Instant expiry, Instant now) {
        if (!now.isBefore(expiry)) {
            return new Refused(Reason.EXPIRED);
        }
        Optional<Instant> created = domains.createdAt(subject.domainOwner(), subject.domainName());
        if (created.isEmpty()
                || !created.get().truncatedTo(ChronoUnit.MILLIS).equals(subject.domainCreatedAt())) {
            return new Refused(Reason.DOMAIN_GONE);
        }
        return new AuthorizationVerification.Valid(subject, expiry);
    }

    /**
     * The expiry written in a token, without checking it: for telling a client when its token expired after
     * {@link #verify} refused it as {@link AuthorizationVerification.Reason#EXPIRED} (and so found it genuine).
     * Empty if the text is not a token of this format.
     */
    public static Optional<Instant> claimedExpiry(String token) {
        RepositoryTokenFormat.Fields fields = RepositoryTokenFormat.parse(token);
        return fields == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(fields.expiry()));
    }

    /**
     * The expiry of the token GetAuthorizationToken issues, to the whole second (truncated):
     * <ul>
     *   <li>{@code durationSeconds} null (omitted): {@code now} + 43,200 s (12 hours);</li>
     *   <li>900 to 43,200: {@code now} + that many seconds;</li>
     *   <li>0: the caller's session expiration (temporary credentials only), but at most {@code now} +
     *       {@link #MAX_LIFETIME}.</li>
     * </ul>
     * The message of every exception is fit for the ValidationException the API answers with.
     *
     * @param sessionExpirationOrNull when the caller's temporary credentials expire; null for long-term access keys
     * @throws IllegalArgumentException if the duration is negative, 1 to 899 or over 43,200; or 0 without temporary
     *                                  credentials, or with ones already expired
     */
    public static Instant expiry(Instant now, Long durationSeconds, Instant sessionExpirationOrNull) {
        Objects.requireNonNull(now, "now");
        if (durationSeconds == null) {
            return now.plus(DEFAULT_TTL).truncatedTo(ChronoUnit.SECONDS);
        }
        long seconds = durationSeconds;
        if (seconds == 0) {
            if (sessionExpirationOrNull == null) {
                throw new IllegalArgumentException("A duration of 0 makes the token expire with the caller's "
                        + "temporary credentials, but the request was signed with long-term access keys. Use a "
                        + "duration between " + MIN_TTL.toSeconds() + " and " + DEFAULT_TTL.toSeconds()
                        + " seconds, or call with temporary (role or session) credentials.");
            }
            Instant latest = now.plus(MAX_LIFETIME);
            Instant expiry = (sessionExpirationOrNull.isAfter(latest) ? latest : sessionExpirationOrNull)
                    .truncatedTo(ChronoUnit.SECONDS);
            if (!expiry.isAfter(now)) {
                throw new IllegalArgumentException(
                        "A duration of 0 follows the caller's session, which has already expired.");
            }
            return expiry;
        }
        if (seconds < MIN_TTL.toSeconds() || seconds > DEFAULT_TTL.toSeconds()) {
            throw new IllegalArgumentException("Invalid duration " + seconds + ": it must be 0 (the caller's session "
                    + "expiration) or between " + MIN_TTL.toSeconds() + " and " + DEFAULT_TTL.toSeconds()
                    + " seconds.");
        }
        return now.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }
}
