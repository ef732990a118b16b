package io.gatepass.store;

import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.store.internal.cache.CachingStore;
import io.gatepass.store.internal.cache.Invalidations;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Word of changes between nodes sharing one PostgreSQL store ({@code NOTIFY}/{@code LISTEN}): each "node" here is a
 * store of its own on one schema, as two servers would open it.
 */
class InvalidationsPostgresTest {
    private static final String NOTHING = "(nothing)";
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Store store(String url) {
        Store store = Stores.open(url, null);
        open.add(store);
        return store;
    }

    private Invalidations listeningOn(String url) {
        Invalidations invalidations = Stores.invalidations(store(url));
        open.add(invalidations);
        await(invalidations::listening, "listening");
        return invalidations;
    }

    private static BlockingQueue<String> heard(Invalidations invalidations, String topic) {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        invalidations.listen(topic, key -> heard.add(key == null ? NOTHING : key));
        return heard;
    }

    @Test
    void publish_isHeardByTheOtherNode_andOnceByThePublisher_butNotByAStoreInAnotherSchema() throws Exception {
        String url = TestDatabase.POSTGRESQL.freshUrl();
        Invalidations a = listeningOn(url);
        Invalidations b = listeningOn(url);
        Invalidations elsewhere = listeningOn(TestDatabase.POSTGRESQL.freshUrl());
        BlockingQueue<String> heardByA = heard(a, "package");
        BlockingQueue<String> heardByB = heard(b, "package");
        BlockingQueue<String> heardElsewhere = heard(elsewhere, "package");
        BlockingQueue<String> otherTopicOnB = heard(b, Invalidations.STORE);

        a.publish("package", "123456789012/shop/web/npm//left-pad");
        assertThat(heardByB.poll(5, TimeUnit.SECONDS)).isEqualTo("123456789012/shop/web/npm//left-pad");
        // B's marker arrives after A's own word would have: A heard its change once (when it published), not twice
        b.publish("package", "marker");
        assertThat(heardByA.poll(5, TimeUnit.SECONDS)).isEqualTo("123456789012/shop/web/npm//left-pad");
        assertThat(heardByA.poll(5, TimeUnit.SECONDS)).isEqualTo("marker");
        assertThat(heardByA).isEmpty();
        assertThat(heardElsewhere).isEmpty();
        assertThat(otherTopicOnB).isEmpty();

        a.publish(Invalidations.STORE, null);
        assertThat(otherTopicOnB.poll(5, TimeUnit.SECONDS)).isEqualTo(NOTHING);
    }

    @Test
    void cachingStore_withALongTtl_seesTheOtherNodesDeactivationAsSoonAsWordArrives() {
        String url = TestDatabase.POSTGRESQL.freshUrl();
        Duration longTtl = Duration.ofHours(1); // only word from the other node can explain a fresh read
        CachingStore nodeA = new CachingStore(store(url), longTtl, System::nanoTime,
                listeningOn(url));
        Store rawB = store(url);
        Invalidations wordB = Stores.invalidations(rawB);
        CachingStore nodeB = new CachingStore(rawB, longTtl, System::nanoTime, wordB);
        await(wordB::listening, "B listening");
        AccessKey key = key("alice", T0);
        nodeA.accessKeys().create(key);
        assertThat(nodeB.accessKeys().find(key.accessKeyId())).map(AccessKey::status).contains(AccessKeyStatus.Active);

        nodeA.accessKeys().updateStatus(ACCOUNT, "alice", key.accessKeyId(), AccessKeyStatus.Inactive);

        await(() -> nodeB.accessKeys().find(key.accessKeyId()).map(AccessKey::status)
                .filter(AccessKeyStatus.Inactive::equals).isPresent(), "B sees the key inactive");
    }

    @Test
    void lostListenConnection_reconnects_andTellsEveryListenerToForgetEverything() throws Exception {
        String url = TestDatabase.POSTGRESQL.freshUrl();
        Invalidations a = listeningOn(url);
        Invalidations b = listeningOn(url);
        BlockingQueue<String> heardByB = heard(b, Invalidations.STORE);
        String schema = url.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1");

        assertThat(terminateListeners(url, schema)).isEqualTo(2);

        assertThat(heardByB.poll(15, TimeUnit.SECONDS)).as("forget everything after reconnecting").isEqualTo(NOTHING);
        await(b::listening, "B listening again");
        await(a::listening, "A listening again");
        a.publish(Invalidations.STORE, "after");
        assertThat(heardByB.poll(5, TimeUnit.SECONDS)).isEqualTo("after");
    }

    /** Ends the listening connections of this schema's nodes, as a database restart would. */
    private static int terminateListeners(String url, String schema) throws Exception {
        try (Connection admin = DriverManager.getConnection(url);
             Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = 'gatepass-invalidations' AND query LIKE '%gatepass." + schema
                     + "%'")) {
            int terminated = 0;
            while (rows.next()) {
                terminated += rows.getBoolean(1) ? 1 : 0;
            }
            return terminated;
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10); // polling a condition, not timing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
