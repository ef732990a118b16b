package io.gatepass.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link TokenKind} of CodeArtifact repository authorization tokens (GetAuthorizationToken). A token carries the
 * domain owner and name, the domain's creation time, the calling principal's ARN and account, the expiry and the
 * signing key's id, and an Ed25519 signature over all of it; see {@link RepositoryTokenFormat} for the layout. Anyone
 * holding the key ring's public keys can check a token offline (see {@code docs/tokens.md}). It uses only
 * {@code [A-Za-z0-9._-]}, so it works unquoted as a Basic-auth password (user {@code aws}), an npm {@code _authToken}
 * and in a pip index URL. A typical token is 170 to 220 characters; the longest ARN gives under 3,000. Tokens of
 * format 1 (HMAC-SHA256, minted before format 2) are still verified until they expire.
 *
 * <p>An Ed25519 signature costs far more than an HMAC, so the {@link TokenAuthority} of this kind remembers format 2
 * tokens whose signature it has checked, until they expire.
 *
 * <p>A token is accepted while its key is in the ring, its expiry is in the future and its domain still exists with
 * the creation time it was minted with. Tokens are never logged; use {@link TokenVerifier#fingerprint}.
 */
public final class RepositoryTokens extends TokenKind<RepositoryTokenSubject> {
    /** The {@link KeyRingStore} purpose of the keys that sign repository authorization tokens. */
    public static final String KEY_PURPOSE = "codeartifact-authorization-token";
    /** The lifetime when GetAuthorizationToken's {@code duration} is omitted, and the longest one it accepts. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(43_200);
    /** The shortest non-zero {@code duration} GetAuthorizationToken accepts. */
    public static final Duration MIN_TTL = Duration.ofSeconds(900);
    /**
     * The longest lifetime of any token: a {@code duration} of 0 follows the caller's session, and STS
     * GetSessionToken sessions last up to 36 hours. The key ring's {@code maxTokenLifetime}.
     */
    public static final Duration MAX_LIFETIME = Duration.ofHours(36);

    /** At most this many tokens are remembered as verified (a few MB at most). */
    static final int VERIFIED_ENTRIES = 16_384;
    /** At most this many tokens are remembered as minted. */
    static final int MINTED_ENTRIES = 4_096;

    private final RepositoryDomains domains;

    /** @param domains the live domains, consulted on verify for otherwise valid tokens */
    public RepositoryTokens(RepositoryDomains domains) {
        super(KEY_PURPOSE, MAX_LIFETIME, MINTED_ENTRIES, VERIFIED_ENTRIES);
        this.domains = Objects.requireNonNull(domains, "domains");
    }

    /**
     * A format 2 token for the subject and expiry (epoch seconds).
     *
     * @throws IllegalArgumentException if the expiry is before 1970 or after the year 36812
     */
    @Override
    String mint(MacKey key, RepositoryTokenSubject subject, long expiry) {
        return RepositoryTokenFormat.mint(key, subject, expiry);
    }

    /** A format 2 token's Ed25519 signature is worth remembering as checked; a format 1 token's HMAC is not. */
    @Override
    Presented<RepositoryTokenSubject> read(String token) {
        RepositoryTokenFormat.Fields fields = RepositoryTokenFormat.parse(token);
        return fields == null ? null : new Presented<>(fields.keyId(), fields.expiry(),
                () -> Optional.of(fields.subject()), (key, subject) -> isSigned(key, fields), !fields.legacy());
    }

    /** Whether the domain still exists with the creation time the token was minted with. */
    @Override
    boolean isLive(RepositoryTokenSubject subject) {
        Optional<Instant> created = domains.createdAt(subject.domainOwner(), subject.domainName());
        return created.isPresent() && created.get().truncatedTo(ChronoUnit.MILLIS).equals(subject.domainCreatedAt());
    }

    private static boolean isSigned(MacKey key, RepositoryTokenFormat.Fields fields) {
        if (!fields.legacy()) {
            return RepositoryTokenFormat.isSigned(key, fields);
        }
        String expected = RepositoryTokenFormat.mac(key, fields.signed());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                fields.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The expiry written in a token, without checking it: for telling a client when its token expired after
     * {@link TokenAuthority#verify} refused it as {@link Verification.Reason#EXPIRED} (and so found it genuine).
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
