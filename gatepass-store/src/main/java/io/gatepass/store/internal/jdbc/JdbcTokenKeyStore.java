package io.gatepass.store.internal.jdbc;

import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.StoredTokenKey;
import io.gatepass.store.TokenKeyStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Token signing keys in table {@code token_keys}, keyed by purpose and key id; secrets stay encrypted. Node heartbeats
 * in {@code token_key_nodes}, rotation claims in {@code token_key_rotations} (a claim is an insert that only one node
 * can make: the primary key decides).
 */
final class JdbcTokenKeyStore implements TokenKeyStore {
    private final Jdbc jdbc;

    JdbcTokenKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredTokenKey> load(String purpose) {
        return jdbc.list("load " + purpose + " token keys",
                "SELECT key_id, encrypted_secret, created_at, retire_after, signs_from FROM token_keys"
                        + " WHERE purpose = ? ORDER BY created_at, created_seq",
                JdbcTokenKeyStore::map, purpose);
    }

    @Override
    public void add(String purpose, StoredTokenKey key) {
        jdbc.update("add " + purpose + " token key " + key.keyId(),
                "INSERT INTO token_keys (purpose, key_id, encrypted_secret, created_at, retire_after, signs_from)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                purpose, key.keyId(), key.encryptedSecret(), key.createdAt(), Jdbc.timestamp(key.retireAfterOrNull()),
                Jdbc.timestamp(key.signsFromOrNull()));
    }

    @Override
    public void markSigning(String purpose, String keyId, Instant at) {
        jdbc.update("mark " + purpose + " token key " + keyId + " as signing",
                "UPDATE token_keys SET signs_from = ? WHERE purpose = ? AND key_id = ? AND signs_from IS NULL",
                at, purpose, keyId);
    }

    @Override
    public void remove(String purpose, String keyId) {
        jdbc.update("remove " + purpose + " token key " + keyId,
                "DELETE FROM token_keys WHERE purpose = ? AND key_id = ?", purpose, keyId);
    }

    @Override
    public void heartbeat(String purpose, String nodeId, String newestKeyId, Instant at) {
        String action = "record the " + purpose + " key ring heartbeat of " + nodeId;
        String update = "UPDATE token_key_nodes SET newest_key_id = ?, seen_at = ? WHERE purpose = ? AND node_id = ?";
        if (jdbc.update(action, update, newestKeyId, at, purpose, nodeId) > 0) {
            return;
        }
        try {
            jdbc.update(action, "INSERT INTO token_key_nodes (purpose, node_id, newest_key_id, seen_at)"
                    + " VALUES (?, ?, ?, ?)", purpose, nodeId, newestKeyId, at);
        } catch (DuplicateEntityException e) { // inserted meanwhile by the same node's previous beat: update it
            jdbc.update(action, update, newestKeyId, at, purpose, nodeId);
        }
    }

    @Override
    public List<NodeHeartbeat> nodesSince(String purpose, Instant since) {
        return jdbc.list("list the " + purpose + " key ring heartbeats",
                "SELECT node_id, newest_key_id, seen_at FROM token_key_nodes WHERE purpose = ? AND seen_at >= ?"
                        + " ORDER BY node_id",
                row -> new NodeHeartbeat(row.getString("node_id"), row.getString("newest_key_id"),
                        Jdbc.instant(row, "seen_at")), purpose, since);
    }

    @Override
    public void forgetNode(String nodeId) {
        jdbc.update("forget the key ring heartbeats of " + nodeId, "DELETE FROM token_key_nodes WHERE node_id = ?",
                nodeId);
    }

    @Override
    public void forgetNodesBefore(Instant before) {
        jdbc.update("forget old key ring heartbeats", "DELETE FROM token_key_nodes WHERE seen_at < ?", before);
    }

    @Override
    public boolean claimRotation(String purpose, Instant dueAt, String nodeId) {
        try {
            return jdbc.update("claim the " + purpose + " key rotation due at " + dueAt,
                    "INSERT INTO token_key_rotations (purpose, due_at, claimed_by) VALUES (?, ?, ?)",
                    purpose, dueAt, nodeId) == 1;
        } catch (DuplicateEntityException e) {
            return false;
        }
    }

    @Override
    public void forgetRotationsBefore(Instant before) {
        jdbc.update("forget old key rotation claims", "DELETE FROM token_key_rotations WHERE due_at < ?", before);
    }

    private static StoredTokenKey map(ResultSet row) throws SQLException {
        return new StoredTokenKey(row.getString("key_id"), row.getString("encrypted_secret"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "retire_after"), Jdbc.instant(row, "signs_from"));
    }
}
