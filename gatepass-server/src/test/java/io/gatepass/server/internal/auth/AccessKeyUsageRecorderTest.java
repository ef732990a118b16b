package io.gatepass.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.store.AccessKeyStore;
import io.gatepass.store.AccessKeyUsage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

class AccessKeyUsageRecorderTest {
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00.100Z");
    private final RecordingKeys store = new RecordingKeys();
    private final MovableClock clock = new MovableClock(T0);
    private final AccessKeyUsageRecorder recorder = new AccessKeyUsageRecorder(store, clock);

    @Test
    void flush_afterUsesInOneSecond_recordsTheKeyOnceAtThatSecond() {
        recorder.note("AKIA1", "sts", "us-east-1");
        clock.now = T0.plusMillis(800);
        recorder.note("AKIA1", "sts", "us-east-1");

        recorder.flush();

        assertThat(store.recorded).containsExactly(new AccessKeyUsage("AKIA1", T0, "sts", "us-east-1"));
    }

    @Test
    void flush_afterALaterUseOrAnotherService_recordsTheLatestUse() {
        recorder.note("AKIA1", "sts", "us-east-1");
        clock.now = T0.plusMillis(1_000);
        recorder.note("AKIA1", "sts", "us-east-1");
        recorder.note("AKIA2", "sts", "us-east-1");
        recorder.note("AKIA2", "gamelift", "us-west-2");

        recorder.flush();

        assertThat(store.recorded).containsExactlyInAnyOrder(
                new AccessKeyUsage("AKIA1", T0.plusMillis(1_000), "sts", "us-east-1"),
                new AccessKeyUsage("AKIA2", T0.plusMillis(1_000), "gamelift", "us-west-2"));
    }

    @Test
    void flush_whenNothingNewWasNoted_writesNothing() {
        recorder.note("AKIA1", "sts", "us-east-1");
        recorder.flush();
        store.recorded.clear();

        recorder.flush();

        assertThat(store.recorded).isEmpty();
    }

    @Test
    void aKeyInSteadyUse_keepsItsEntryAcrossAFlush_soAUseInTheSameSecondIsNotWrittenAgain() {
        recorder.note("AKIA1", "sts", "us-east-1");
        recorder.flush();
        store.recorded.clear();
        clock.now = T0.plusMillis(500);
        recorder.note("AKIA1", "sts", "us-east-1"); // finds the written entry of this second: nothing new

        recorder.flush();

        assertThat(store.recorded).isEmpty();
        assertThat(recorder.keysInMemory()).isEqualTo(1);
    }

    @Test
    void aUseInALaterSecond_afterAFlush_isWrittenByTheNext() {
        recorder.note("AKIA1", "sts", "us-east-1");
        recorder.flush();
        store.recorded.clear();
        clock.now = T0.plusMillis(60_000);
        recorder.note("AKIA1", "sts", "us-east-1");

        recorder.flush();

        assertThat(store.recorded).containsExactly(new AccessKeyUsage("AKIA1", T0.plusMillis(60_000), "sts", "us-east-1"));
    }

    @Test
    void aKeyUnusedForLong_isForgotten_andItsNextUseIsWrittenAsBefore() {
        recorder.note("AKIA1", "sts", "us-east-1");
        recorder.note("AKIA2", "sts", "us-east-1");
        recorder.flush();
        clock.now = T0.plus(AccessKeyUsageRecorder.FORGET_AFTER).minusMillis(1_000);
        recorder.note("AKIA2", "sts", "us-east-1"); // still in use
        recorder.flush();
        assertThat(recorder.keysInMemory()).isEqualTo(2);
        clock.now = T0.plus(AccessKeyUsageRecorder.FORGET_AFTER).plusMillis(1_000);
        store.recorded.clear();

        recorder.flush();

        assertThat(recorder.keysInMemory()).isEqualTo(1); // AKIA1 forgotten, nothing written
        assertThat(store.recorded).isEmpty();
        recorder.note("AKIA1", "sts", "us-east-1");
        recorder.flush();
        assertThat(store.recorded).containsExactly(new AccessKeyUsage("AKIA1", clock.now.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS), "sts", "us-east-1"));
    }

    @Test
    void aFailedWrite_isTriedAgainByTheNextFlush() {
        recorder.note("AKIA1", "sts", "us-east-1");
        store.failing = true;
        recorder.flush();
        store.failing = false;

        recorder.flush();

        assertThat(store.recorded).containsExactly(new AccessKeyUsage("AKIA1", T0, "sts", "us-east-1"));
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class RecordingKeys implements AccessKeyStore {
        final List<AccessKeyUsage> recorded = new ArrayList<>();
        boolean failing;

        @Override
        public void recordLastUsed(Collection<AccessKeyUsage> usages) {
            if (failing) {
                throw new IllegalStateException("the database is away");
            }
            recorded.addAll(usages);
        }

        @Override
        public void create(AccessKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean createWithinQuota(AccessKey key, int quota) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AccessKey> find(String accessKeyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessKey> list(String accountId, String userName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean updateStatus(String accountId, String userName, String accessKeyId, AccessKeyStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String accountId, String userName, String accessKeyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AccessKeyUsage> lastUsed(String accessKeyId) {
            throw new UnsupportedOperationException();
        }
    }
}
