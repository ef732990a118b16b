package io.gatepass.store.jdbc;

import io.gatepass.store.StoredTokenKey;
import io.gatepass.store.TokenKeyStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Token signing keys in table {@code token_keys}, keyed by purpose and key id; secrets stay encrypted. */
final class JdbcTokenKeyStore implements TokenKeyStore {
    private final Jdbc jdbc;

    JdbcTokenKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredTokenKey> load(String purpose) {
        return jdbc.list("load " + purpose + " token keys",
                "SELECT key_id, encrypted_secret, created_at, retire_after FROM token_keys WHERE purpose = ?"
                        + " ORDER BY created_at, created_seq",
                JdbcTokenKeyStore::map, purpose);
    }

    @Override
    public void add(String purpose, StoredTokenKey key) {
        jdbc.update("add " + purpose + " token key " + key.keyId(),
                "INSERT INTO token_keys (purpose, key_id, encrypted_secret, created_at, retire_after)"
                        + " VALUES (?, ?, ?, ?, ?)",
                purpose, key.keyId(), key.encryptedSecret(), key.createdAt(), Jdbc.timestamp(key.retireAfterOrNull()));
    }

    private static StoredTokenKey map(ResultSet row) throws SQLException {
        return new StoredTokenKey(row.getString("key_id"), row.getString("encrypted_secret"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "retire_after"));
    }
}
