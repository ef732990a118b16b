package io.gatepass.core.token;

import io.gatepass.core.testing.ManualClock;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.Verification.Reason;
import io.gatepass.core.token.Verification.Refused;
import io.gatepass.core.token.Verification.Valid;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random properties of compute auth tokens; every message names the seed. */
class ComputeAuthTokensPropertyTest {
    private static final long SEED = 20261123L;
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
    /** Replacement characters tried at every position: digits, both cases, both ends of the alphabet, and '-'. */
    private static final char[] REPLACEMENTS = "019AZaz-".toCharArray();
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Random random = new Random(SEED);
    private final ManualClock clock = new ManualClock(NOW);
    private final MapRegistrations registrations = new MapRegistrations();
    /** An older key that still verifies and a newer one that signs. */
    private final KeyRing ring = KeyRing.of(List.of(key(NOW.minus(Duration.ofHours(2))), key(NOW.minus(Duration.ofHours(1)))),
            ComputeAuthTokens.DEFAULT_TTL);
    private final TokenAuthority<Registration, ComputeAuthTokens> tokens = new TokenAuthority<>(new ComputeAuthTokens(registrations, ComputeAuthTokens.DEFAULT_TTL), () -> ring, clock);

    @Test
    void mint_forRandomRegistrations_withinAwsPatternDeterministicAndVerifies() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            Registration registration = registrations.register(randomRegistration());
            Instant expiry = randomExpiry();
            clock.set(NOW);
            String token = tokens.mint(registration, expiry);

            assertThat(token).as("seed %d case %d", SEED, i).matches("^[A-Za-z0-9-]{1,64}$");
            assertThat(tokens.mint(registration, expiry)).as("seed %d case %d", SEED, i).isEqualTo(token);
            assertThat(seen.add(token)).as("seed %d case %d unique", SEED, i).isTrue();
            clock.set(expiry.minusSeconds(1 + random.nextInt(10_000)));
            assertThat(tokens.verify(token)).as("seed %d case %d", SEED, i)
                    .isEqualTo(new Valid(registration, expiry.truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    @Test
    void verify_whenAnySingleCharacterReplacedDeletedOrInserted_refused() {
        int checked = 0;
        for (int i = 0; i < 150; i++) {
            Registration registration = registrations.register(randomRegistration());
            String token = tokens.mint(registration, NOW.plus(ComputeAuthTokens.DEFAULT_TTL));
            for (String changed : TokenMutations.singleCharacterChanges(token, REPLACEMENTS)) {
                Verification verification = tokens.verify(changed);
                assertThat(verification).as("seed %d case %d: %s -> %s", SEED, i, token, changed)
                        .isInstanceOf(Refused.class);
                if (changed.length() == token.length()) {
                    assertThat(((Refused) verification).reason()).as("seed %d case %d: %s", SEED, i, changed)
                            .isIn(expectedReasons(firstDifference(token, changed), changed));
                }
                checked++;
            }
        }
        assertThat(checked).as("seed %d", SEED).isGreaterThan(150 * 56 * 9);
    }

    @Test
    void verify_tokenForComputeA_neverVerifiesAsComputeB() {
        for (int i = 0; i < 1_000; i++) {
            Registration a = randomRegistration();
            Registration b = random.nextBoolean()
                    ? new Registration(a.fleetId(), randomName(), randomUuid())           // same fleet
                    : randomRegistration();                                              // other fleet
            Instant expiry = NOW.plus(ComputeAuthTokens.DEFAULT_TTL);
            registrations.register(a);
            registrations.register(b);
            String tokenA = tokens.mint(a, expiry);
            assertThat(tokenA).as("seed %d case %d", SEED, i).isNotEqualTo(tokens.mint(b, expiry));
            assertThat(tokens.verify(tokenA)).as("seed %d case %d", SEED, i).isEqualTo(new Valid(a, expiry));

            // Swap: A's registration id now belongs to B's fleet and compute.
            registrations.register(new Registration(b.fleetId(), b.computeName(), a.registrationId()));
            assertThat(tokens.verify(tokenA)).as("seed %d case %d", SEED, i).isEqualTo(new Refused(Reason.BAD_SIGNATURE));
            // And A's token carries A's registration id, never B's.
            assertThat(tokens.verify(tokenA)).as("seed %d case %d", SEED, i).isNotEqualTo(new Valid(b, expiry));
        }
    }

    @Test
    void verify_whenExpiryReached_expired_beforeValid() {
        for (int i = 0; i < 2_000; i++) {
            Registration registration = registrations.register(randomRegistration());
            Instant expiry = randomExpiry().truncatedTo(ChronoUnit.SECONDS);
            clock.set(NOW);
            String token = tokens.mint(registration, expiry);

            clock.set(expiry.plusMillis(random.nextInt(2) == 0 ? 0 : random.nextInt(Integer.MAX_VALUE)));
            assertThat(tokens.verify(token)).as("seed %d case %d", SEED, i).isEqualTo(new Refused(Reason.EXPIRED));
            clock.set(expiry.minusMillis(1 + random.nextInt(Integer.MAX_VALUE)));
            assertThat(tokens.verify(token).isValid()).as("seed %d case %d", SEED, i).isTrue();
        }
    }

    @Test
    void verify_afterRegistrationDisappears_revoked() {
        List<Registration> live = new ArrayList<>();
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            live.add(registrations.register(randomRegistration()));
            issued.add(tokens.mint(live.get(i), NOW.plus(ComputeAuthTokens.DEFAULT_TTL)));
        }
        for (int i = 0; i < live.size(); i++) {
            boolean gone = random.nextBoolean();
            if (gone) {
                registrations.deregister(live.get(i).registrationId());
            }
            Verification verification = tokens.verify(issued.get(i));
            assertThat(verification).as("seed %d case %d", SEED, i)
                    .isEqualTo(gone ? new Refused(Reason.REVOKED) : new Valid(live.get(i), NOW.plus(ComputeAuthTokens.DEFAULT_TTL)));
        }
    }


    /** Which refusal a same-length change at {@code at} may give, by the field it falls in. */
    private static Set<Reason> expectedReasons(int at, String changed) {
        if (at == 0 || changed.charAt(at) == '-') {
            return EnumSet.of(Reason.MALFORMED);
        }
        if (at < 6) {
            return EnumSet.of(Reason.UNKNOWN_KEY);
        }
        if (at < 12 || at >= 34) {
            return EnumSet.of(Reason.BAD_SIGNATURE, Reason.MALFORMED);   // MALFORMED: MAC text of 2^128 or more
        }
        return EnumSet.of(Reason.REVOKED, Reason.MALFORMED);             // MALFORMED: registration of 2^128 or more
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private SigningKey key(Instant createdAt) {
        char[] id = new char[SigningKey.KEY_ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length() - 1));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new SigningKey(new String(id), secret, createdAt);
    }

    private Registration randomRegistration() {
        return new Registration("fleet-" + randomUuid(), randomName(), randomUuid());
    }

    private String randomName() {
        int length = 1 + random.nextInt(128);
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }

    private String randomUuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Mostly realistic expiries, sometimes the ends of the encodable range. */
    private Instant randomExpiry() {
        return switch (random.nextInt(20)) {
            case 0 -> Instant.ofEpochSecond(ComputeTokenFormat.MAX_EXPIRY);
            case 1 -> Instant.ofEpochSecond(1 + random.nextInt(1_000_000));
            default -> NOW.plusSeconds(random.nextInt(400 * 24 * 3600)).plusMillis(random.nextInt(1000));
        };
    }
}
