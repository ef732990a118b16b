package io.gatepass.server.internal.tokens;

import io.gatepass.core.testing.ManualClock;
import io.gatepass.core.token.KeyRingStore;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.SigningKey;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.core.token.Verification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that missed a rotation (paused while the others agreed that the new key signs) accepts the new key's tokens
 * at once, by looking in the store again, instead of refusing them until its next scheduled reload.
 */
class ReloadingKeyRingTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant DOMAIN_CREATED = Instant.parse("2026-11-01T08:30:00Z");
    private final ManualClock clock = new ManualClock(NOW);
    private final CountingStore store = new CountingStore();
    private final RepositoryTokens kind = new RepositoryTokens((owner, name) -> Optional.of(DOMAIN_CREATED));
    private final RepositoryTokenSubject ci = new RepositoryTokenSubject("111122223333", "team", DOMAIN_CREATED,
            "arn:aws:iam::111122223333:user/ci", "111122223333");

    @Test
    void aTokenSignedWithAKeyThisNodeHasNotLoaded_isVerifiedAfterOneReload() {
        ReloadingKeyRing pausedRing = new ReloadingKeyRing(store, kind, clock);
        ReloadingKeyRing activeRing = new ReloadingKeyRing(store, kind, clock);
        TokenAuthority<RepositoryTokenSubject, RepositoryTokens> paused = new TokenAuthority<>(kind, pausedRing, clock);
        TokenAuthority<RepositoryTokenSubject, RepositoryTokens> active = new TokenAuthority<>(kind, activeRing, clock);

        clock.set(NOW.plusSeconds(60));
        activeRing.rotate();
        String newKey = activeRing.get().newest().keyId();
        // the live nodes agreed that it signs; the paused one was not among them
        store.markSigning(kind.keyPurpose(), newKey, clock.instant());
        activeRing.reload();
        String token = active.mint(ci, clock.instant().plusSeconds(900));
        assertThat(token).contains("." + newKey + ".");
        assertThat(pausedRing.get().keyIds()).doesNotContain(newKey);

        int loadsBefore = store.loads.get();
        assertThat(paused.verify(token)).isInstanceOf(Verification.Valid.class);
        assertThat(store.loads.get()).isEqualTo(loadsBefore + 1);
        assertThat(pausedRing.get().keyIds()).contains(newKey);
        assertThat(paused.verify(token)).isInstanceOf(Verification.Valid.class);
        assertThat(store.loads.get()).as("known now: no further reload").isEqualTo(loadsBefore + 1);
    }

    @Test
    void madeUpKeyIds_causeAtMostOneReloadPerInterval() {
        ReloadingKeyRing ring = new ReloadingKeyRing(store, kind, clock);
        int loadsBefore = store.loads.get();
        for (int i = 0; i < 50; i++) {
            ring.reloadedFor("Made" + i);
        }
        assertThat(store.loads.get()).isEqualTo(loadsBefore + 1);
        assertThat(ring.reloadedFor(ring.get().newest().keyId())).isSameAs(ring.get());
        assertThat(store.loads.get()).as("a known key id never reloads").isEqualTo(loadsBefore + 1);
    }

    @Test
    void aReloadThatFindsNothingNew_keepsTheRingItHad_andOneThatFindsAChange_takesIt() {
        ReloadingKeyRing ring = new ReloadingKeyRing(store, kind, clock);
        TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens = new TokenAuthority<>(kind, ring, clock);
        String before = tokens.mint(ci, NOW.plusSeconds(900));
        var loaded = ring.get();

        ring.reload();
        assertThat(ring.get()).as("nothing new: the keys keep what they derived").isSameAs(loaded);
        assertThat(tokens.verify(before)).isInstanceOf(Verification.Valid.class);

        clock.set(NOW.plusSeconds(60));
        ring.rotate();
        var rotated = ring.get();
        assertThat(rotated).isNotSameAs(loaded);
        String newKey = rotated.newest().keyId();
        assertThat(rotated.newestSigns(clock.instant())).isFalse();
        store.markSigning(kind.keyPurpose(), newKey, clock.instant());
        ring.reload();
        assertThat(ring.get()).as("the new key's signing time is news").isNotSameAs(rotated);
        assertThat(ring.get().newestSigns(clock.instant())).isTrue();
        assertThat(tokens.mint(ci, clock.instant().plusSeconds(900))).contains("." + newKey + ".");
        assertThat(tokens.verify(before)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void aReloadThatReadTheStoreBeforeARotation_neverInstallsItsOlderRingOverTheRotatedOne() throws Exception {
        ReloadingKeyRing ring = new ReloadingKeyRing(store, kind, clock);
        clock.set(NOW.plusSeconds(60));
        // the periodic reload reads the store, then stalls before installing what it read
        store.stallNextLoad();
        Thread reload = new Thread(ring::reload, "reload");
        reload.start();
        store.stalled.await();
        // meanwhile an operator rotates on another thread
        Thread rotate = new Thread(ring::rotate, "rotate");
        rotate.start();
        while (rotate.isAlive() && rotate.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait(); // until it has rotated, or waits for the reload to finish first
        }
        store.resume.countDown();
        reload.join();
        rotate.join();

        List<String> stored = store.load(kind.keyPurpose()).stream().map(SigningKey::keyId).sorted().toList();
        assertThat(stored).hasSize(2);
        assertThat(ring.get().keyIds()).as("the rotated key stays loaded").containsExactlyInAnyOrderElementsOf(stored);
    }

    /** Key rings in a map, counting loads; one load can be made to stall after reading. */
    private static final class CountingStore implements KeyRingStore {
        final AtomicInteger loads = new AtomicInteger();
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final Map<String, List<SigningKey>> keys = new HashMap<>();
        private boolean stallNext;

        synchronized void stallNextLoad() {
            stallNext = true;
        }

        @Override
        public List<SigningKey> load(String purpose) {
            List<SigningKey> read;
            boolean stall;
            synchronized (this) {
                loads.incrementAndGet();
                read = List.copyOf(keys.getOrDefault(purpose, List.of()));
                stall = stallNext;
                stallNext = false;
            }
            if (stall) {
                stalled.countDown();
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read;
        }

        @Override
        public synchronized void add(String purpose, SigningKey key) {
            keys.computeIfAbsent(purpose, p -> new ArrayList<>()).add(key);
        }

        @Override
        public synchronized void markSigning(String purpose, String keyId, Instant at) {
            keys.getOrDefault(purpose, new ArrayList<>()).replaceAll(k -> k.keyId().equals(keyId)
                    ? new SigningKey(k.keyId(), k.secret(), k.createdAt(), at) : k);
        }

        @Override
        public synchronized void remove(String purpose, String keyId) {
            keys.getOrDefault(purpose, new ArrayList<>()).removeIf(k -> k.keyId().equals(keyId));
        }
    }
}
