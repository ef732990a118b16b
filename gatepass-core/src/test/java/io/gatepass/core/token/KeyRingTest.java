package io.gatepass.core.token;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRingTest {
    private static final String PURPOSE = "test-purpose";
    private static final Duration LIFETIME = Duration.ofHours(3);
    private static final Duration ACTIVATION = KeyRing.ACTIVATION_DELAY;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryKeyRingStore store = new InMemoryKeyRingStore();
    private final Random random = new Random(42);

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static SigningKey key(String id, Instant createdAt) {
        return new SigningKey(id, new byte[32], createdAt);
    }

    @Test
    void signsFrom_whenTheClusterAgreedEarly_newKeySignsFromThen_andTheOldOneRetiresFromThere() {
        Instant agreed = T0.plusSeconds(3600 + 20);
        KeyRing ring = KeyRing.of(List.of(key("Old01", T0),
                new SigningKey("New01", new byte[32], T0.plusSeconds(3600), agreed)), LIFETIME);

        assertThat(ring.signingKey(agreed.minusMillis(1)).keyId()).isEqualTo("Old01");
        assertThat(ring.newestSigns(agreed.minusMillis(1))).isFalse();
        assertThat(ring.signingKey(agreed).keyId()).isEqualTo("New01");
        assertThat(ring.newestSigns(agreed)).isTrue();
        Instant retires = agreed.plus(LIFETIME).plus(ACTIVATION);
        assertThat(ring.verifyingKey("Old01", retires.minusMillis(1))).isPresent();
        assertThat(ring.retired(retires.minusMillis(1))).isEmpty();
        assertThat(ring.verifyingKey("Old01", retires)).isEmpty();
        assertThat(ring.retired(retires)).containsExactly("Old01");
        assertThat(ring.retired(retires.plus(Duration.ofDays(3650)))).containsExactly("Old01"); // newest stays
    }

    @Test
    void signsFrom_neverLaterThanTheActivationBound() {
        KeyRing ring = KeyRing.of(List.of(key("Old01", T0), new SigningKey("New01", new byte[32], T0.plusSeconds(60),
                T0.plusSeconds(60).plus(ACTIVATION).plusSeconds(600))), LIFETIME);

        assertThat(ring.signingKey(T0.plusSeconds(60).plus(ACTIVATION)).keyId()).isEqualTo("New01");
    }

    @Test
    void markSigningAndRemove_throughTheStore_changeWhatTheReloadedRingDoes() {
        KeyRing.loadOrCreate(store, PURPOSE, LIFETIME, at(T0), random);
        KeyRing rotated = KeyRing.rotate(store, PURPOSE, LIFETIME, at(T0.plusSeconds(3600)), random);
        String newest = rotated.newest().keyId();
        String oldest = rotated.keyIds().get(0);
        assertThat(rotated.signingKey(T0.plusSeconds(3601)).keyId()).isEqualTo(oldest);

        store.markSigning(PURPOSE, newest, T0.plusSeconds(3601));
        KeyRing agreed = KeyRing.loadOrCreate(store, PURPOSE, LIFETIME, at(T0.plusSeconds(3601)), random);
        assertThat(agreed.signingKey(T0.plusSeconds(3601)).keyId()).isEqualTo(newest);

        Instant later = T0.plusSeconds(3601).plus(LIFETIME).plus(ACTIVATION);
        agreed.retired(later).forEach(id -> store.remove(PURPOSE, id));
        assertThat(store.load(PURPOSE)).extracting(SigningKey::keyId).containsExactly(newest);
    }

    @Test
    void ed25519PublicKeys_listsEveryVerifyingKeyOldestFirst_distinctAndStable() {
        byte[] other = new byte[32];
        other[0] = 1;
        KeyRing ring = KeyRing.of(List.of(key("Old01", T0), new SigningKey("New01", other, T0.plusSeconds(60))),
                LIFETIME);

        var keys = ring.ed25519PublicKeys(T0.plusSeconds(61));
        assertThat(keys.keySet()).containsExactly("Old01", "New01");
        assertThat(keys.get("Old01")).hasSize(32).isNotEqualTo(keys.get("New01"));
        assertThat(KeyRing.of(List.of(key("Old01", T0)), LIFETIME).ed25519PublicKeys(T0).get("Old01"))
                .isEqualTo(keys.get("Old01"));
        Instant gone = T0.plusSeconds(60).plus(ACTIVATION).plus(LIFETIME).plus(ACTIVATION);
        assertThat(ring.ed25519PublicKeys(gone).keySet()).containsExactly("New01");
    }

    @Test
    void loadOrCreate_whenStoreEmpty_addsOneKeyThatSignsAtOnce() {
        KeyRing ring = KeyRing.loadOrCreate(store, PURPOSE, LIFETIME, at(T0), random);

        List<SigningKey> stored = store.load(PURPOSE);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).createdAt()).isEqualTo(T0);
        assertThat(stored.get(0).keyId()).matches("[A-Za-z0-9]{5}");
        assertThat(ring.signingKey(T0).key()).isEqualTo(stored.get(0));
        assertThat(ring.verifyingKey(stored.get(0).keyId(), T0.plus(Duration.ofDays(3650)))).isPresent();
    }

    @Test
    void loadOrCreate_whenStoreHasKeys_addsNone() {
        KeyRing first = KeyRing.loadOrCreate(store, PURPOSE, LIFETIME, at(T0), random);
        KeyRing again = KeyRing.loadOrCreate(store, PURPOSE, LIFETIME, at(T0.plusSeconds(60)), random);

        assertThat(store.load(PURPOSE)).hasSize(1);
        assertThat(again.signingKey(T0).key()).isEqualTo(first.signingKey(T0).key());
    }

    @Test
    void loadOrCreate_whenPurposesDiffer_keysAreSeparate() {
        KeyRing a = KeyRing.loadOrCreate(store, "a", LIFETIME, at(T0), random);
        KeyRing b = KeyRing.loadOrCreate(store, "b", LIFETIME, at(T0), random);
        assertThat(b.verifyingKey(a.signingKey(T0).keyId(), T0)).isEmpty();
    }

    @Test
    void loadOrCreate_whenTwoNodesStartAtOnce_bothKeysVerifyEverywhereAndOneSigns() {
        // Node 1 finds the store empty; while it generates its key, node 2 also finds it empty and adds its own.
        KeyRing[] node2 = new KeyRing[1];
        KeyRingStore node1View = new KeyRingStore() {
            @Override
            public List<SigningKey> load(String purpose) {
                return store.load(purpose);
            }

            @Override
            public void add(String purpose, SigningKey key) {
                node2[0] = KeyRing.loadOrCreate(store, PURPOSE, LIFETIME, at(T0), new Random(7));
                store.add(purpose, key);
            }

            @Override
            public void markSigning(String purpose, String keyId, Instant at) {
                store.markSigning(purpose, keyId, at);
            }

            @Override
            public void remove(String purpose, String keyId) {
                store.remove(purpose, keyId);
            }
        };
        KeyRing node1 = KeyRing.loadOrCreate(node1View, PURPOSE, LIFETIME, at(T0), random);
        KeyRing node2Reloaded = KeyRing.loadOrCreate(store, PURPOSE, LIFETIME, at(T0.plusSeconds(60)), random);

        List<SigningKey> stored = store.load(PURPOSE);
        assertThat(stored).hasSize(2);
        for (SigningKey key : stored) {
            assertThat(node1.verifyingKey(key.keyId(), T0)).as(key.keyId()).isPresent();
            assertThat(node2Reloaded.verifyingKey(key.keyId(), T0)).as(key.keyId()).isPresent();
        }
        // Before reloading, node 2 knew only its own key; node 1 already verifies it.
        assertThat(node1.verifyingKey(node2[0].signingKey(T0).keyId(), T0)).isPresent();
        // Once both nodes see both keys they pick the same signer, now and after activation.
        for (Instant t : List.of(T0, T0.plus(ACTIVATION), T0.plus(LIFETIME))) {
            assertThat(node1.signingKey(t).keyId()).as("at %s", t).isEqualTo(node2Reloaded.signingKey(t).keyId());
        }
    }

    @Test
    void rotate_beforeActivationDelay_oldKeySignsAndNewKeyAlreadyVerifies() {
        KeyRing before = KeyRing.loadOrCreate(store, PURPOSE, LIFETIME, at(T0), random);
        String oldId = before.signingKey(T0).keyId();
        Instant rotatedAt = T0.plus(Duration.ofDays(30));

        KeyRing after = KeyRing.rotate(store, PURPOSE, LIFETIME, at(rotatedAt), random);

        String newId = store.load(PURPOSE).stream().map(SigningKey::keyId).filter(id -> !id.equals(oldId))
                .findFirst().orElseThrow();
        Instant justBefore = rotatedAt.plus(ACTIVATION).minusNanos(1);
        assertThat(after.signingKey(justBefore).keyId()).isEqualTo(oldId);
        assertThat(after.verifyingKey(newId, rotatedAt)).isPresent();
        assertThat(after.signingKey(rotatedAt.plus(ACTIVATION)).keyId()).isEqualTo(newId);
    }

    @Test
    void verifyingKey_oldKey_untilSuccessorActivationPlusLifetimePlusGrace() {
        Instant rotatedAt = T0.plus(Duration.ofDays(30));
        KeyRing ring = KeyRing.of(List.of(key("Old00", T0), key("New00", rotatedAt)), LIFETIME);
        Instant retiresAt = rotatedAt.plus(ACTIVATION).plus(LIFETIME).plus(ACTIVATION);

        assertThat(ring.verifyingKey("Old00", retiresAt.minusNanos(1))).isPresent();
        assertThat(ring.verifyingKey("Old00", retiresAt)).isEmpty();
        assertThat(ring.verifyingKey("New00", retiresAt.plus(Duration.ofDays(3650)))).isPresent();
    }

    @Test
    void signingKey_whenNoKeyActiveYet_oldestSigns_thenNewestActive() {
        KeyRing ring = KeyRing.of(List.of(key("bbbbb", T0), key("aaaaa", T0), key("ccccc", T0.plusSeconds(1))),
                LIFETIME);
        assertThat(ring.signingKey(T0).keyId()).isEqualTo("aaaaa");
        assertThat(ring.signingKey(T0.plus(ACTIVATION)).keyId()).isEqualTo("bbbbb");
        assertThat(ring.signingKey(T0.plus(ACTIVATION).plusSeconds(1)).keyId()).isEqualTo("ccccc");
    }

    @Test
    void verifyingKey_whenIdUnknown_empty() {
        KeyRing ring = KeyRing.of(List.of(key("aaaaa", T0)), LIFETIME);
        assertThat(ring.verifyingKey("aaaab", T0)).isEmpty();
        assertThat(ring.verifyingKey("AAAAA", T0)).isEmpty();
    }

    @Test
    void of_whenEmptyOrDuplicateIdsOrNoLifetime_throws() {
        assertThatThrownBy(() -> KeyRing.of(List.of(), LIFETIME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.of(List.of(key("aaaaa", T0), key("aaaaa", T0.plusSeconds(1))), LIFETIME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.of(List.of(key("aaaaa", T0)), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hasSameKeysAs_onlyWhenEveryKeyAndTheLifetimeMatch() {
        byte[] other = new byte[32];
        other[0] = 1;
        Instant agreed = T0.plusSeconds(120);
        KeyRing ring = KeyRing.of(List.of(key("Old01", T0), key("New01", T0.plusSeconds(60))), LIFETIME);

        assertThat(ring.hasSameKeysAs(KeyRing.of(List.of(key("New01", T0.plusSeconds(60)), key("Old01", T0)),
                LIFETIME))).as("the same keys, loaded again").isTrue();
        assertThat(ring.hasSameKeysAs(KeyRing.of(List.of(key("Old01", T0), new SigningKey("New01", new byte[32],
                T0.plusSeconds(60), agreed)), LIFETIME))).as("the cluster agreed that the new key signs").isFalse();
        assertThat(ring.hasSameKeysAs(KeyRing.of(List.of(key("Old01", T0), new SigningKey("New01", other,
                T0.plusSeconds(60))), LIFETIME))).as("another secret under the same id").isFalse();
        assertThat(ring.hasSameKeysAs(KeyRing.of(List.of(key("New01", T0.plusSeconds(60))), LIFETIME)))
                .as("a key removed").isFalse();
        assertThat(ring.hasSameKeysAs(KeyRing.of(List.of(key("Old01", T0), key("New01", T0.plusSeconds(60)),
                key("New02", T0.plusSeconds(90))), LIFETIME))).as("a key added").isFalse();
        assertThat(ring.hasSameKeysAs(KeyRing.of(List.of(key("Old01", T0), key("New01", T0.plusSeconds(60))),
                LIFETIME.plusHours(1)))).as("another token lifetime").isFalse();
    }

    @Test
    void toString_always_showsIdsButNoSecret() {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) 0x5A);
        String text = KeyRing.of(List.of(new SigningKey("aaaaa", secret, T0)), LIFETIME).toString();
        assertThat(text).contains("aaaaa").doesNotContain("5a5a", "5A5A", "90, 90");
    }
}
