package io.gatepass.server.it;

import io.gatepass.server.testing.TestServer;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM's quota of two access keys per user holds under concurrency: of 50 parallel CreateAccessKey calls for a new
 * user exactly two succeed and the rest are LimitExceeded, in every trial, on H2 and on PostgreSQL.
 */
class AccessKeyQuotaRaceTest {
    private static final int CALLERS = 50;
    private static final int TRIALS = 10;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void createAccessKey_fiftyInParallel_createsExactlyTheQuota(String kind, @TempDir Path dataDir) throws Exception {
        String storeUrl = kind.equals("h2") ? null : TestDatabase.POSTGRESQL.freshUrl();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (TestServer server = TestServer.start(storeUrl, dataDir);
             IamClient iam = server.iam(TestServer.admin())) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String user = "racer" + trial;
                iam.createUser(r -> r.userName(user));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    outcomes.add(callers.submit(() -> {
                        go.await();
                        try {
                            iam.createAccessKey(r -> r.userName(user));
                            return "created";
                        } catch (IamException e) {
                            return e.awsErrorDetails().errorCode();
                        }
                    }));
                }
                go.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertThat(results).as("trial %d", trial).filteredOn("created"::equals).hasSize(2);
                assertThat(results).as("trial %d", trial).filteredOn(r -> !r.equals("created"))
                        .containsOnly("LimitExceeded");
                assertThat(iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata()).hasSize(2);
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
