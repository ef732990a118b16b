package io.gatepass.store;

import io.gatepass.core.identity.User;
import io.gatepass.store.internal.jdbc.StoreCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store damaged by a kill -9 before writes took turns (docs/operations.md, "A kill in the middle of a write") is
 * repaired by {@code gatepass store copy}: the copy reads each table whole, not through the broken index. The fixture
 * is the file a kill of {@link EmbeddedStoreKillTest}'s storm left (H2 2.5.252, 4 MB floor, compacted to 115 KB with
 * its damage): 1,249 users in {@code iam_users}, and two more entries in its primary key's index for users that were
 * being written at the kill, whose rows the table does not have.
 */
class DamagedEmbeddedStoreTest {
    private static final int USERS = 1_249;

    @Test
    void aStoreWithAnIndexEntryWithoutItsRow_cannotListUsers_andACopyOfItListsEveryOne(@TempDir Path dir)
            throws Exception {
        Path damaged = dir.resolve("damaged");
        Path repaired = dir.resolve("repaired");
        Files.createDirectories(damaged);
        try (InputStream in = new GZIPInputStream(DamagedEmbeddedStoreTest.class.getResourceAsStream(
                "/damaged-store/index-entry-without-row.mv.db.gz"))) {
            Files.copy(in, damaged.resolve(Stores.H2_FILE_NAME + ".mv.db"));
        }
        try (Store from = Stores.open(null, damaged)) {
            assertThatThrownBy(() -> from.users().list(ACCOUNT, "/", null, Integer.MAX_VALUE))
                    .as("listing reads the primary key's index").isInstanceOf(StoreException.class);
            try (Store to = Stores.open(null, repaired)) {
                StoreCopy.Report report = StoreCopy.copy(from, Stores.blobs(from, damaged), to,
                        Stores.blobs(to, repaired));

                assertThat(report.rows()).containsEntry("iam_users", (long) USERS);
                List<User> users = to.users().list(ACCOUNT, "/", null, Integer.MAX_VALUE); // its primary key's index
                assertThat(users).hasSize(USERS);
                assertThat(to.users().find(ACCOUNT, users.get(USERS - 1).userName())).isPresent();
            }
        }
    }
}
