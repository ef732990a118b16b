package io.gatepass.server.internal.tokens;

import io.gatepass.core.internal.crypto.MasterKey;
import io.gatepass.core.internal.crypto.SecretCipher;
import io.gatepass.core.testing.ManualClock;
import io.gatepass.core.token.KeyRing;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.core.token.Verification;
import io.gatepass.store.Store;
import io.gatepass.store.StoredTokenKey;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a rotation the old key stays in the store, verifying the tokens it signed, until the longest of them has
 * expired plus the ring's grace ({@link KeyRing#ACTIVATION_DELAY}); the maintenance round after that deletes it, and
 * its tokens are refused as signed with an unknown key. On every database the store supports.
 */
class KeyRingMaintenanceTest {
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant DOMAIN_CREATED = Instant.parse("2026-11-01T08:30:00Z");
    private static final Duration RELOAD = Duration.ofMinutes(1);

    private final ManualClock clock = new ManualClock(START);
    private final RepositoryTokens kind = new RepositoryTokens((owner, name) -> Optional.of(DOMAIN_CREATED));
    private final RepositoryTokenSubject ci = new RepositoryTokenSubject("111122223333", "team", DOMAIN_CREATED,
            "arn:aws:iam::111122223333:user/ci", "111122223333");

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void oldKey_verifiesItsTokensUntilTheyExpire_thenTheMaintenanceRoundDeletesIt(TestDatabase db) {
        try (Store store = db.open()) {
            StoredKeyRing stored = new StoredKeyRing(store.tokenKeys(),
                    new SecretCipher(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))));
            ReloadingKeyRing ring = new ReloadingKeyRing(stored, kind, clock);
            TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens = new TokenAuthority<>(kind, ring, clock);
            KeyRingMaintenance maintenance = new KeyRingMaintenance(List.of(ring), store.tokenKeys(), "node-a",
                    null, RELOAD, clock);
            maintenance.tick();
            String oldKey = ring.get().newest().keyId();

            clock.advance(Duration.ofHours(2));
            ring.rotate();
            String newKey = ring.get().newest().keyId();
            // the longest token the old key signs: minted the moment before the new key signs
            String longest = tokens.mint(ci, clock.instant().plus(RepositoryTokens.MAX_LIFETIME));
            Instant longestExpiry = clock.instant().plus(RepositoryTokens.MAX_LIFETIME);
            assertThat(keyIdOf(longest)).isEqualTo(oldKey);

            maintenance.tick(); // the only live node has loaded the new key: it signs from now
            Instant newKeySigns = clock.instant();
            assertThat(keyIdOf(tokens.mint(ci, clock.instant().plusSeconds(900)))).isEqualTo(newKey);
            assertThat(storedKeyIds(store)).containsExactly(oldKey, newKey);

            clock.set(longestExpiry.minusSeconds(1));
            maintenance.tick();
            assertThat(tokens.verify(longest)).isInstanceOf(Verification.Valid.class);
            assertThat(storedKeyIds(store)).containsExactly(oldKey, newKey);

            Instant retires = newKeySigns.plus(RepositoryTokens.MAX_LIFETIME).plus(KeyRing.ACTIVATION_DELAY);
            clock.set(retires.minusSeconds(1));
            maintenance.tick();
            assertThat(storedKeyIds(store)).as("not before its margin has passed").containsExactly(oldKey, newKey);
            assertThat(tokens.verify(longest)).isEqualTo(new Verification.Refused<>(Verification.Reason.EXPIRED));

            clock.set(retires);
            maintenance.tick();
            assertThat(storedKeyIds(store)).containsExactly(newKey);
            assertThat(tokens.verify(longest)).isEqualTo(new Verification.Refused<>(Verification.Reason.UNKNOWN_KEY));
            String fresh = tokens.mint(ci, clock.instant().plusSeconds(900));
            assertThat(tokens.verify(fresh)).isInstanceOf(Verification.Valid.class);

            clock.advance(RELOAD);
            maintenance.tick(); // the next round's reload no longer finds it
            assertThat(ring.get().keyIds()).containsExactly(newKey);
        }
    }

    private static List<String> storedKeyIds(Store store) {
        return store.tokenKeys().load(RepositoryTokens.KEY_PURPOSE).stream().map(StoredTokenKey::keyId).toList();
    }

    /** A repository token is {@code <prefix><key id>.<rest>}; see {@link RepositoryTokens}. */
    private static String keyIdOf(String token) {
        return token.substring(6, 11);
    }
}
