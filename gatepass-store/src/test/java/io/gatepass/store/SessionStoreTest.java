package io.gatepass.store;

import io.gatepass.core.identity.SessionCredentials;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;

import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.roleSession;
import static io.gatepass.store.Fixtures.userSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsEveryField(TestDatabase db) {
        try (Store store = db.open()) {
            SessionCredentials assumed = roleSession("deployer", T0.plusSeconds(3600));
            SessionCredentials own = userSession("alice", T0.plusSeconds(43200));

            store.sessions().create(assumed);
            store.sessions().create(own);

            assertThat(store.sessions().find(assumed.accessKeyId())).contains(assumed);
            assertThat(store.sessions().find(own.accessKeyId())).contains(own);
            assertThat(store.sessions().find("ASIANOSUCHKEY")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenKeyIdExists_throwsDuplicateEntity(TestDatabase db) {
        try (Store store = db.open()) {
            SessionCredentials session = userSession("alice", T0.plusSeconds(900));
            store.sessions().create(session);

            assertThatThrownBy(() -> store.sessions().create(session))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageNotContaining(session.encryptedSecret())
                    .hasMessageNotContaining(session.sessionTokenHash());
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deleteExpiredBefore_whenSomeExpired_removesOnlyThoseStrictlyBeforeCutoff(TestDatabase db) {
        try (Store store = db.open()) {
            Instant cutoff = T0.plusSeconds(3600);
            SessionCredentials expired = userSession("alice", cutoff.minusNanos(1_000));
            SessionCredentials expiresAtCutoff = userSession("bob", cutoff);
            SessionCredentials valid = roleSession("deployer", cutoff.plusSeconds(1));
            store.sessions().create(expired);
            store.sessions().create(expiresAtCutoff);
            store.sessions().create(valid);

            assertThat(store.sessions().deleteExpiredBefore(cutoff)).isEqualTo(1);

            assertThat(store.sessions().find(expired.accessKeyId())).isEmpty();
            assertThat(store.sessions().find(expiresAtCutoff.accessKeyId())).contains(expiresAtCutoff);
            assertThat(store.sessions().find(valid.accessKeyId())).contains(valid);
            assertThat(store.sessions().deleteExpiredBefore(cutoff)).isZero();
        }
    }
}
