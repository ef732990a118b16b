package io.gatepass.core.token;

import io.gatepass.core.token.ComputeRegistrations.Registration;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link TokenKind} of GameLift compute auth tokens: 56 characters of {@code [0-9A-Za-z]} (the AWS model allows up
 * to 64 of {@code [A-Za-z0-9-]}) that carry a format version, the signing key's id, the expiry, the registration id,
 * and an HMAC-SHA256 (truncated to 128 bits) over those and the fleet id and compute name.
 *
 * <p>A token is accepted while its key is in the ring, its registration still exists with the fleet and compute it
 * was issued for, and its expiry is in the future. The registration is looked up before the signature is checked
 * (the signature binds the fleet and compute the registration had); {@link #presentedAs} checks the signature first,
 * over the fleet and compute a caller claims. Mint and verify with a {@link TokenAuthority} of this kind.
 */
public final class ComputeAuthTokens extends TokenKind<Registration> {
    /** The {@link KeyRingStore} purpose of the keys that sign compute auth tokens. */
    public static final String KEY_PURPOSE = "gamelift-compute-auth-token";
    /** How long a token is valid unless configured otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(3);
    /** A token with less than this left is replaced by a fresh one on the next request. */
    public static final Duration REISSUE_WHEN_LEFT = Duration.ofMinutes(15);

    /** How many registrations' last tokens are remembered as minted. */
    private static final int MINTED_ENTRIES = 65_536;

    private final ComputeRegistrations registrations;

    /**
     * @param registrations the live registrations, consulted on verify
     * @param ttl           how long a fresh token is valid; the key ring's longest token lifetime
     */
    public ComputeAuthTokens(ComputeRegistrations registrations, Duration ttl) {
        super(KEY_PURPOSE, ttl, MINTED_ENTRIES, 0); // an HMAC costs less than remembering that it was good
        this.registrations = Objects.requireNonNull(registrations, "registrations");
    }

    /**
     * The expiry to issue now for a GetComputeAuthToken request, by {@link #expiryFor(Instant, Instant, Duration)}
     * with this kind's ttl and {@code now} to the whole second (as GameLift reports them: every node reads back
     * exactly the expiry it minted from).
     *
     * @param currentExpiryOrNull the expiry last issued for this registration, or null if none
     */
    public Instant expiryFor(Instant now, Instant currentExpiryOrNull) {
        return expiryFor(now.truncatedTo(ChronoUnit.SECONDS), currentExpiryOrNull, maxLifetime());
    }

    /**
     * The expiry to issue for a GetComputeAuthToken request: the current one while at least
     * {@link #REISSUE_WHEN_LEFT} of it is left (so the same token is returned), otherwise {@code now + ttl} to the
     * whole second (a fresh token).
     *
     * @param currentExpiryOrNull the expiry last issued for this registration, or null if none
     */
    public static Instant expiryFor(Instant now, Instant currentExpiryOrNull, Duration ttl) {
        Objects.requireNonNull(now, "now");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        // at least REISSUE_WHEN_LEFT left: expiry >= now + REISSUE_WHEN_LEFT (one addition; Duration.between divides)
        if (currentExpiryOrNull != null && !currentExpiryOrNull.isBefore(now.plus(REISSUE_WHEN_LEFT))) {
            return currentExpiryOrNull;
        }
        return now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * This kind as it reads a token presented for the compute {@code fleetId}/{@code computeName} claims to be, for
     * {@link TokenAuthority#verify(String, TokenKind)}: the signature is checked first, over the claimed fleet and
     * compute, so a token that is not that compute's is refused as {@link Verification.Reason#BAD_SIGNATURE} before
     * anything is looked up (a refusal takes the same time whether or not the registration it names exists); then
     * expiry, then whether the registration is still live with that fleet and compute. Null claims are
     * {@link Verification.Reason#MALFORMED}.
     */
    public TokenKind<Registration> presentedAs(String fleetId, String computeName) {
        return new PresentedAs(fleetId, computeName);
    }

    /**
     * The token for a registration and expiry (epoch seconds).
     *
     * @throws IllegalArgumentException if the registration id is not a canonical UUID or the expiry is before 1970
     *                                  or after the year 3769
     */
    @Override
    String mint(MacKey key, Registration registration, long expiry) {
        return ComputeTokenFormat.mint(key, registration.fleetId(), registration.computeName(),
                registration.registrationId(), expiry);
    }

    @Override
    Presented<Registration> read(String token) {
        ComputeTokenFormat.Fields fields = ComputeTokenFormat.parse(token);
        return fields == null ? null : presented(token, fields, () -> registrations.find(fields.registrationId())
                .filter(r -> r.registrationId().equals(fields.registrationId())));
    }

    @Override
    boolean isLive(Registration registration) {
        return true; // read looked it up
    }

    private static Presented<Registration> presented(String token, ComputeTokenFormat.Fields fields,
                                                     Supplier<Optional<Registration>> registration) {
        return new Presented<>(fields.keyId(), fields.expiry(), registration, (key, r) -> {
            try {
                return ComputeTokenFormat.isGenuine(token, fields, key, r.fleetId(), r.computeName());
            } catch (IllegalArgumentException e) { // a fleet id or compute name no token could name
                return false;
            }
        }, false);
    }

    /** {@link #presentedAs}: the claimed fleet and compute are the subject; the registration is looked up last. */
    final class PresentedAs extends TokenKind<Registration> {
        private final String fleetId;
        private final String computeName;

        private PresentedAs(String fleetId, String computeName) {
            super(KEY_PURPOSE, ComputeAuthTokens.this.maxLifetime(), 0, 0);
            this.fleetId = fleetId;
            this.computeName = computeName;
        }

        @Override
        String mint(MacKey key, Registration registration, long expiry) {
            return ComputeAuthTokens.this.mint(key, registration, expiry);
        }

        @Override
        Presented<Registration> read(String token) {
            ComputeTokenFormat.Fields fields = ComputeTokenFormat.parse(token);
            if (fields == null || fleetId == null || computeName == null) {
                return null;
            }
            Optional<Registration> claimed = Optional.of(new Registration(fleetId, computeName,
                    fields.registrationId()));
            return presented(token, fields, () -> claimed);
        }

        @Override
        boolean isLive(Registration claimed) {
            return registrations.find(claimed.registrationId()).filter(claimed::equals).isPresent();
        }
    }
}
