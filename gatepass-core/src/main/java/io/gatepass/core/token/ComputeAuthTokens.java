package io.gatepass.core.token;

import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.Verification.Reason;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Mints and verifies GameLift compute auth tokens: 56 characters of {@code [0-9A-Za-z]} (the AWS model allows up to
 * 64 of {@code [A-Za-z0-9-]}) that carry a format version, the signing key's id, the expiry, the registration id, and
 * an HMAC-SHA256 (truncated to 128 bits) over those and the fleet id and compute name. Minting is deterministic: the
 * same registration, expiry and key give the same token.
 *
 * <p>A token is accepted while its key is in the ring, its registration still exists with the fleet and compute it
 * was issued for, and its expiry is in the future. Tokens are never logged; use {@link TokenVerifier#fingerprint}.
 */
public final class ComputeAuthTokens implements TokenVerifier {
    /** The {@link KeyRingStore} purpose of the keys that sign compute auth tokens. */
    public static final String KEY_PURPOSE = "gamelift-compute-auth-token";
    /** How long a token is valid unless configured otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(3);
    /** A token with less than this left is replaced by a fresh one on the next request. */
    public static final Duration REISSUE_WHEN_LEFT = Duration.ofMinutes(15);

    /** How many registrations' last tokens {@link #mint} remembers before it starts over. */
    private static final int MAX_REMEMBERED = 65_536;

    private final Supplier<KeyRing> keyRing;
    private final ComputeRegistrations registrations;
    private final Clock clock;
    /**
     * The token minted last for each registration id, with what it was minted from: a compute asks again and again
     * for the same token (the expiry stays until 15 minutes before it), and minting is deterministic, so the same
     * inputs and key give this token without its HMAC and base-62 encodings.
     */
    private final Map<String, Minted> minted = new ConcurrentHashMap<>();

    private record Minted(MacKey key, String fleetId, String computeName, long expiry, String token) {
        boolean sameInputs(MacKey otherKey, Registration registration, long otherExpiry) {
            return key == otherKey && expiry == otherExpiry && fleetId.equals(registration.fleetId())
                    && computeName.equals(registration.computeName());
        }
    }

    /**
     * @param keyRing       the current ring, re-read on every call so a refreshed ring takes effect at once
     * @param registrations the live registrations, consulted by {@link #verify}
     */
    public ComputeAuthTokens(Supplier<KeyRing> keyRing, ComputeRegistrations registrations, Clock clock) {
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The token for this registration and expiry, signed with the ring's current signing key. The expiry is kept to
     * the whole second (truncated).
     *
     * @throws IllegalArgumentException if the registration id is not a canonical UUID or the expiry is before 1970
     *                                  or after the year 3769
     */
    public String mint(Registration registration, Instant expiry) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(expiry, "expiry");
        MacKey key = keyRing.get().signingKey(clock.instant());
        long seconds = expiry.getEpochSecond();
        Minted last = minted.get(registration.registrationId());
        if (last != null && last.sameInputs(key, registration, seconds)) {
            return last.token();
        }
        String token = ComputeTokenFormat.mint(key, registration.fleetId(), registration.computeName(),
                registration.registrationId(), seconds);
        if (minted.size() >= MAX_REMEMBERED) {
            minted.clear();
        }
        minted.put(registration.registrationId(),
                new Minted(key, registration.fleetId(), registration.computeName(), seconds, token));
        return token;
    }

    @Override
    public Verification verify(String token) {
        ComputeTokenFormat.Fields fields = ComputeTokenFormat.parse(token);
        if (fields == null) {
            return new Verification.Refused(Reason.MALFORMED);
        }
        Instant now = clock.instant();
        Optional<MacKey> key = keyRing.get().verifyingKey(fields.keyId(), now);
        if (key.isEmpty()) {
            return new Verification.Refused(Reason.UNKNOWN_KEY);
        }
        Optional<Registration> found = registrations.find(fields.registrationId())
                .filter(r -> r.registrationId().equals(fields.registrationId()));
        if (found.isEmpty()) {
            return new Verification.Refused(Reason.REVOKED);
        }
        Registration registration = found.get();
        if (!ComputeTokenFormat.isGenuine(token, fields, key.get(), registration.fleetId(),
                registration.computeName())) {
            return new Verification.Refused(Reason.BAD_SIGNATURE);
        }
        Instant expiry = Instant.ofEpochSecond(fields.expiry());
        if (!now.isBefore(expiry)) {
            return new Verification.Refused(Reason.EXPIRED);
        }
        return new Verification.Valid(registration, expiry);
    }

    @Override
    public Verification verify(String token, String fleetId, String computeName) {
        ComputeTokenFormat.Fields fields = ComputeTokenFormat.parse(token);
        if (fields == null || fleetId == null || computeName == null) {
            return new Verification.Refused(Reason.MALFORMED);
        }
        Instant now = clock.instant();
        Optional<MacKey> key = keyRing.get().verifyingKey(fields.keyId(), now);
        if (key.isEmpty()) {
            return new Verification.Refused(Reason.UNKNOWN_KEY);
        }
        boolean genuine;
        try {
            genuine = ComputeTokenFormat.isGenuine(token, fields, key.get(), fleetId, computeName);
        } catch (IllegalArgumentException e) { // a fleet id or compute name no token could name
            genuine = false;
        }
        if (!genuine) {
            return new Verification.Refused(Reason.BAD_SIGNATURE);
        }
        Instant expiry = Instant.ofEpochSecond(fields.expiry());
        if (!now.isBefore(expiry)) {
            return new Verification.Refused(Reason.EXPIRED);
        }
        Optional<Registration> found = registrations.find(fields.registrationId())
                .filter(r -> r.registrationId().equals(fields.registrationId()) && r.fleetId().equals(fleetId)
                        && r.computeName().equals(computeName));
        if (found.isEmpty()) {
            return new Verification.Refused(Reason.REVOKED);
        }
        return new Verification.Valid(found.get(), expiry);
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
        if (currentExpiryOrNull != null && Duration.between(now, currentExpiryOrNull).compareTo(REISSUE_WHEN_LEFT) >= 0) {
            return currentExpiryOrNull;
        }
        return now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    }
}
