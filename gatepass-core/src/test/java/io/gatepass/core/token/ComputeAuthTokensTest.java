package io.gatepass.core.token;

import io.gatepass.core.testing.ManualClock;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.Verification.Reason;
import io.gatepass.core.token.Verification.Refused;
import io.gatepass.core.token.Verification.Valid;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComputeAuthTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration TTL = ComputeAuthTokens.DEFAULT_TTL;
    private static final byte[] SECRET = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            SECRET[i] = (byte) i;
        }
    }

    private final ManualClock clock = new ManualClock(NOW);
    private final MapRegistrations registrations = new MapRegistrations();
    private final KeyRing ring = KeyRing.of(List.of(new SigningKey("Key01", SECRET, NOW.minusSeconds(3600))), TTL);
    private final TokenAuthority<Registration, ComputeAuthTokens> tokens = new TokenAuthority<>(new ComputeAuthTokens(registrations, ComputeAuthTokens.DEFAULT_TTL), () -> ring, clock);
    private final Registration computeA = registrations.register(new Registration(
            "fleet-1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d", "my-compute", "0f8fad5b-d9cb-469f-a165-70867728950e"));

    @Test
    void mint_knownAnswer_matchesTheDocumentedLayout() throws Exception {
        Instant expiry = Instant.parse("2026-11-23T13:00:00Z");
        String token = tokens.mint(computeA, expiry);

        assertThat(token).isEqualTo("1Key011xVTeK0TMXp8QPR6yGvKuV2GZQ101ynAKoiakbp9XeYm9aGvLv");
        // The same token, rebuilt from the layout documented in ComputeTokenFormat without the production code:
        UUID registration = UUID.fromString(computeA.registrationId());
        BigInteger registrationBits = unsigned(registration.getMostSignificantBits(), registration.getLeastSignificantBits());
        byte[] mac = hmac(expiry.getEpochSecond());
        String rebuilt = "1" + "Key01" + Base62Test.toBase62(BigInteger.valueOf(expiry.getEpochSecond()), 6)
                + Base62Test.toBase62(registrationBits, 22)
                + Base62Test.toBase62(new BigInteger(1, Arrays.copyOf(mac, 16)), 22);
        assertThat(token).hasSize(56).isEqualTo(rebuilt);
    }

    @Test
    void mint_whenSameInputsTwice_sameToken() {
        Instant expiry = NOW.plus(TTL);
        assertThat(tokens.mint(computeA, expiry)).isEqualTo(tokens.mint(computeA, expiry));
        assertThat(tokens.mint(computeA, expiry)).isNotEqualTo(tokens.mint(computeA, expiry.plusSeconds(1)));
    }

    @Test
    void mint_whenExpiryHasFractionOfSecond_truncatesToTheSecond() {
        Instant expiry = NOW.plus(TTL);
        String token = tokens.mint(computeA, expiry.plusMillis(999));
        assertThat(token).isEqualTo(tokens.mint(computeA, expiry));
        assertThat(tokens.verify(token)).isEqualTo(new Valid(computeA, expiry));
    }

    @Test
    void mint_whenRegistrationIdNotCanonicalUuid_throws() {
        for (String id : List.of("0F8FAD5B-D9CB-469F-A165-70867728950E", "reg-1", "1-2-3-4-5", "",
                "0f8fad5b-d9cb-469f-a165-70867728950e0")) {
            Registration registration = new Registration(computeA.fleetId(), computeA.computeName(), id);
            assertThatThrownBy(() -> tokens.mint(registration, NOW.plus(TTL))).as(id)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UUID");
        }
    }

    @Test
    void mint_whenExpiryBefore1970OrAfter3769_throws() {
        assertThatThrownBy(() -> tokens.mint(computeA, Instant.ofEpochSecond(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.mint(computeA, Instant.ofEpochSecond(56_800_235_584L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tokens.mint(computeA, Instant.ofEpochSecond(56_800_235_583L))).hasSize(56);
        assertThat(tokens.mint(computeA, Instant.EPOCH)).hasSize(56);
    }

    @Test
    void mint_whenCalledFromManyThreads_sameTokensAsOneThread() throws Exception {
        List<Instant> expiries = IntStream.range(0, 2_000).mapToObj(i -> NOW.plusSeconds(i)).toList();
        List<String> expected = expiries.stream().map(e -> tokens.mint(computeA, e)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> expiries.stream().map(e -> tokens.mint(computeA, e)).toList()));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void verify_whenGenuine_returnsRegistrationAndExpiry() {
        Instant expiry = NOW.plus(TTL);
        assertThat(tokens.verify(tokens.mint(computeA, expiry))).isEqualTo(new Valid(computeA, expiry))
                .matches(Verification::isValid);
    }

    @Test
    void verify_whenExpiryIsNow_expired_oneSecondEarlierValid() {
        Instant expiry = NOW.plus(TTL);
        String token = tokens.mint(computeA, expiry);

        clock.set(expiry.minusNanos(1));
        assertThat(tokens.verify(token).isValid()).isTrue();
        clock.set(expiry);
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.EXPIRED));
        clock.set(expiry.plus(Duration.ofDays(1)));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void verify_whenComputeDeregistered_revokedAtOnce() {
        String token = tokens.mint(computeA, NOW.plus(TTL));
        registrations.deregister(computeA.registrationId());
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.REVOKED));
    }

    @Test
    void verify_whenSameNameRegisteredAgain_oldTokenRevoked() {
        String token = tokens.mint(computeA, NOW.plus(TTL));
        registrations.deregister(computeA.registrationId());
        Registration again = registrations.register(new Registration(computeA.fleetId(), computeA.computeName(),
                "7c9e6679-7425-40de-944b-e07fc1f90ae7"));

        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.REVOKED));
        assertThat(tokens.verify(tokens.mint(again, NOW.plus(TTL))).isValid()).isTrue();
    }

    @Test
    void verify_whenRegistrationNowNamesAnotherComputeOrFleet_badSignature() {
        String token = tokens.mint(computeA, NOW.plus(TTL));
        String id = computeA.registrationId();

        registrations.register(new Registration(computeA.fleetId(), "other-compute", id));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.BAD_SIGNATURE));
        registrations.register(new Registration("fleet-00000000-0000-4000-8000-000000000000", "my-compute", id));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.BAD_SIGNATURE));
    }

    @Test
    void verifyClaimed_checksTheSignatureOverTheClaimedComputeBeforeLookingAnythingUp() {
        int[] lookups = {0};
        TokenAuthority<Registration, ComputeAuthTokens> counting = new TokenAuthority<>(new ComputeAuthTokens(id -> {
            lookups[0]++;
            return registrations.find(id);
        }, ComputeAuthTokens.DEFAULT_TTL), () -> ring, clock);
        ComputeAuthTokens kind = counting.kind();
        String token = counting.mint(computeA, NOW.plus(TTL));
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
        String unknownRegistration = counting.mint(new Registration(computeA.fleetId(), computeA.computeName(),
                "7c9e6679-7425-40de-944b-e07fc1f90ae7"), NOW.plus(TTL));

        assertThat(counting.verify(forged, kind.presentedAs(computeA.fleetId(), computeA.computeName())))
                .isEqualTo(new Refused(Reason.BAD_SIGNATURE));
        assertThat(counting.verify(token, kind.presentedAs(computeA.fleetId(), "other-compute")))
                .isEqualTo(new Refused(Reason.BAD_SIGNATURE));
        assertThat(counting.verify(token, kind.presentedAs("fleet-00000000-0000-4000-8000-000000000000", computeA.computeName())))
                .isEqualTo(new Refused(Reason.BAD_SIGNATURE));
        assertThat(counting.verify(unknownRegistration, kind.presentedAs(computeA.fleetId(), "other-compute")))
                .isEqualTo(new Refused(Reason.BAD_SIGNATURE));
        assertThat(lookups[0]).as("registration lookups for tokens that are not the claimed compute's").isZero();

        assertThat(counting.verify(token, kind.presentedAs(computeA.fleetId(), computeA.computeName())))
                .isEqualTo(new Valid(computeA, NOW.plus(TTL)));
        assertThat(counting.verify(unknownRegistration, kind.presentedAs(computeA.fleetId(), computeA.computeName())))
                .as("a genuine signature over a registration that is gone").isEqualTo(new Refused(Reason.REVOKED));
        registrations.deregister(computeA.registrationId());
        assertThat(counting.verify(token, kind.presentedAs(computeA.fleetId(), computeA.computeName())))
                .isEqualTo(new Refused(Reason.REVOKED));
        clock.set(NOW.plus(TTL));
        int before = lookups[0];
        assertThat(counting.verify(token, kind.presentedAs(computeA.fleetId(), computeA.computeName())))
                .isEqualTo(new Refused(Reason.EXPIRED));
        assertThat(lookups[0]).isEqualTo(before);
    }

    @Test
    void verify_whenFieldBoundariesShift_badSignature() {
        // "ab" + "c" and "a" + "bc" must not share a MAC: fields are length-prefixed.
        Registration ab = registrations.register(new Registration("fleet-ab", "c", computeA.registrationId()));
        String token = tokens.mint(ab, NOW.plus(TTL));
        registrations.register(new Registration("fleet-a", "bc", computeA.registrationId()));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.BAD_SIGNATURE));
    }

    @Test
    void verify_whenSignedByKeyOutsideTheRing_unknownKey() {
        KeyRing other = KeyRing.of(List.of(new SigningKey("Key02", SECRET, NOW)), TTL);
        String token = new TokenAuthority<>(new ComputeAuthTokens(registrations, ComputeAuthTokens.DEFAULT_TTL), () -> other, clock).mint(computeA, NOW.plus(TTL));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.UNKNOWN_KEY));
    }

    @Test
    void verify_whenSameKeyIdButOtherSecret_badSignature() {
        KeyRing impostor = KeyRing.of(List.of(new SigningKey("Key01", new byte[32], NOW)), TTL);
        String token = new TokenAuthority<>(new ComputeAuthTokens(registrations, ComputeAuthTokens.DEFAULT_TTL), () -> impostor, clock).mint(computeA, NOW.plus(TTL));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.BAD_SIGNATURE));
    }

    @Test
    void verify_whenNotAToken_malformed() {
        String genuine = tokens.mint(computeA, NOW.plus(TTL));
        for (String text : Arrays.asList(null, "", "1", genuine.substring(1), genuine + "0", "2" + genuine.substring(1),
                genuine.substring(0, 55) + "-", genuine.replace('K', 'é'), " ".repeat(56),
                genuine.substring(0, 12) + "z".repeat(22) + genuine.substring(34))) {
            assertThat(tokens.verify(text)).as("%s", text).isEqualTo(new Refused(Reason.MALFORMED));
        }
    }

    @Test
    void rotation_oldTokensVerifyUntilOldKeyRetires_newTokensUseNewKey() {
        InMemoryKeyRingStore store = new InMemoryKeyRingStore();
        Random random = new Random(3);
        KeyRing[] current = {KeyRing.loadOrCreate(store, "p", TTL, clock, random)};
        TokenAuthority<Registration, ComputeAuthTokens> node = new TokenAuthority<>(new ComputeAuthTokens(registrations, ComputeAuthTokens.DEFAULT_TTL), () -> current[0], clock);
        String oldToken = node.mint(computeA, NOW.plus(TTL));
        SigningKey oldKey = current[0].signingKey(NOW).key();

        Instant rotatedAt = NOW.plus(Duration.ofHours(1));
        clock.set(rotatedAt);
        current[0] = KeyRing.rotate(store, "p", TTL, clock, random);
        assertThat(node.mint(computeA, NOW.plus(TTL))).as("before activation").isEqualTo(oldToken);

        clock.set(rotatedAt.plus(KeyRing.ACTIVATION_DELAY));
        Instant expiry = clock.instant().plus(TTL);
        String newToken = node.mint(computeA, expiry);
        assertThat(newToken.substring(1, 6)).as("new key id").isNotEqualTo(oldKey.keyId());
        assertThat(node.verify(oldToken).isValid()).isTrue();
        assertThat(node.verify(newToken).isValid()).isTrue();
        // A node that reloads its ring late keeps signing with the old key for up to one more activation delay.
        Instant retired = rotatedAt.plus(KeyRing.ACTIVATION_DELAY).plus(KeyRing.ACTIVATION_DELAY).plus(TTL);
        String lastOfOldKey = ComputeTokenFormat.mint(new MacKey(oldKey), computeA.fleetId(), computeA.computeName(),
                computeA.registrationId(), retired.getEpochSecond());

        clock.set(retired.minusNanos(1));
        assertThat(node.verify(lastOfOldKey)).as("old key still verifies its last tokens")
                .isEqualTo(new Valid(computeA, retired));
        clock.set(retired);
        assertThat(node.verify(lastOfOldKey)).as("old key retired").isEqualTo(new Refused(Reason.UNKNOWN_KEY));
        assertThat(node.verify(newToken)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void expiryFor_whenNoTokenYet_nowPlusTtlToTheSecond() {
        Instant now = NOW.plusMillis(1500);
        assertThat(ComputeAuthTokens.expiryFor(now, null, TTL)).isEqualTo(NOW.plusSeconds(1).plus(TTL));
        assertThat(ComputeAuthTokens.expiryFor(NOW, null, Duration.ofMinutes(30))).isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void expiryFor_whenAtLeast15MinutesLeft_sameExpiry() {
        Instant current = NOW.plus(Duration.ofMinutes(15));
        assertThat(ComputeAuthTokens.expiryFor(NOW, current, TTL)).isSameAs(current);
        assertThat(ComputeAuthTokens.expiryFor(NOW.minus(Duration.ofHours(2)), current, TTL)).isSameAs(current);
    }

    @Test
    void expiryFor_whenLessThan15MinutesLeftOrExpired_freshExpiry() {
        Instant fresh = NOW.plus(TTL);
        assertThat(ComputeAuthTokens.expiryFor(NOW, NOW.plus(Duration.ofMinutes(15)).minusNanos(1), TTL))
                .isEqualTo(fresh);
        assertThat(ComputeAuthTokens.expiryFor(NOW, NOW, TTL)).isEqualTo(fresh);
        assertThat(ComputeAuthTokens.expiryFor(NOW, NOW.minusSeconds(1), TTL)).isEqualTo(fresh);
    }

    @Test
    void expiryFor_whenTtlNotPositive_throws() {
        assertThatThrownBy(() -> ComputeAuthTokens.expiryFor(NOW, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ComputeAuthTokens.DEFAULT_TTL).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void fingerprint_always_eightHexCharsOfSha256() {
        String token = tokens.mint(computeA, NOW.plus(TTL));
        String fingerprint = TokenVerifier.fingerprint(token);
        assertThat(fingerprint).matches("[0-9a-f]{8}").isEqualTo(TokenVerifier.fingerprint(token))
                .isNotEqualTo(TokenVerifier.fingerprint(tokens.mint(computeA, NOW.plus(TTL).plusSeconds(1))));
        assertThat(token).doesNotContain(fingerprint);
        assertThat(TokenVerifier.fingerprint("abc")).isEqualTo("ba7816bf");
    }

    private byte[] hmac(long expiry) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String field : List.of("gatepass/gamelift-compute-auth-token", "1", "Key01", computeA.fleetId(),
                computeA.computeName(), computeA.registrationId())) {
            lengthPrefixed(out, field.getBytes(StandardCharsets.UTF_8));
        }
        out.writeLong(expiry);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        return mac.doFinal(bytes.toByteArray());
    }

    private static void lengthPrefixed(DataOutputStream out, byte[] field) throws IOException {
        out.writeInt(field.length);
        out.write(field);
    }

    private static BigInteger unsigned(long hi, long lo) {
        return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
    }
}
