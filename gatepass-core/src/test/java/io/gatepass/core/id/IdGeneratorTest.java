package io.gatepass.core.id;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdGeneratorTest {
    private static final long SEED = 20261123L;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void ids_whenDrawnManyTimes_alwaysHaveAwsForms() {
        IdGenerator ids = new IdGenerator(new Random(SEED));
        for (int i = 0; i < 2_000; i++) {
            assertThat(ids.longTermAccessKeyId()).as("seed %d", SEED).matches("AKIA[A-Z2-7]{16}");
            assertThat(ids.temporaryAccessKeyId()).as("seed %d", SEED).matches("ASIA[A-Z2-7]{16}");
            assertThat(ids.secretAccessKey()).as("seed %d", SEED).matches("[A-Za-z0-9+/]{40}");
            assertThat(ids.userId()).as("seed %d", SEED).matches("AIDA[A-Z2-7]{17}");
            assertThat(ids.roleId()).as("seed %d", SEED).matches("AROA[A-Z2-7]{17}");
            assertThat(ids.accountId()).as("seed %d", SEED).matches("[1-9][0-9]{11}");
            assertThat(ids.requestId()).as("seed %d", SEED)
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(ids.revision()).as("seed %d", SEED).matches(UUID);
            assertThat(ids.fleetId()).as("seed %d", SEED).matches("fleet-" + UUID);
            assertThat(ids.gameSessionId()).as("seed %d", SEED).matches("gsess-" + UUID);
            assertThat(ids.playerSessionId()).as("seed %d", SEED).matches("psess-" + UUID);
        }
    }

    @Test
    void uuids_fromTheSameSeed_repeat() {
        IdGenerator first = new IdGenerator(new Random(SEED));
        IdGenerator second = new IdGenerator(new Random(SEED));
        for (int i = 0; i < 100; i++) {
            String uuid = first.uuid();
            assertThat(second.uuid()).isEqualTo(uuid);
            assertThat(java.util.UUID.fromString(uuid).version()).isEqualTo(4);
        }
    }

    @Test
    void requestIds_fromSecureRandom_areUuidShapedAndDoNotRepeat_onOneThreadOrAcrossThreads() throws Exception {
        IdGenerator ids = IdGenerator.secure();
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(() -> {
                    boolean allNew = true;
                    for (int i = 0; i < 10_000; i++) {
                        String id = ids.requestId();
                        assertThat(id).matches(UUID);
                        allNew &= seen.add(id);
                    }
                    return allNew;
                }));
            }
            for (java.util.concurrent.Future<Boolean> run : runs) {
                assertThat(run.get()).as("no request id repeats").isTrue();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(seen).hasSize(40_000);
    }

    @Test
    void accessKeyIds_fromSecureRandom_doNotRepeat() {
        IdGenerator ids = IdGenerator.secure();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.longTermAccessKeyId())).isTrue();
        }
    }

    @Test
    void sessionToken_isUrlAndHeaderSafe() {
        String token = IdGenerator.secure().sessionToken();
        assertThat(token).hasSizeGreaterThan(300).matches("[A-Za-z0-9]+");
    }
}
