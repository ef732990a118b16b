package io.gatepass.store.internal.jdbc;

import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.InlinePolicy;
import io.gatepass.store.InlinePolicyStore;
import io.gatepass.store.PolicyOwner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Inline policies in table {@code inline_policies}, keyed by account, owner kind, lower-cased owner name and
 * lower-cased policy name. {@link #put} is one upsert statement (MERGE on H2, INSERT ... ON CONFLICT on PostgreSQL).
 */
final class JdbcInlinePolicyStore implements InlinePolicyStore {
    private static final String COLUMNS =
            "account_id, owner_kind, owner_name_lc, policy_name_lc, policy_name, policy_document";
    private static final String KEY = "account_id, owner_kind, owner_name_lc, policy_name_lc";
    private static final String H2_UPSERT =
            "MERGE INTO inline_policies (" + COLUMNS + ") KEY (" + KEY + ") VALUES (?, ?, ?, ?, ?, ?)";
    private static final String POSTGRESQL_UPSERT =
            "INSERT INTO inline_policies (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (" + KEY + ")"
                    + " DO UPDATE SET policy_name = EXCLUDED.policy_name, policy_document = EXCLUDED.policy_document";
    private static final String SELECT = "SELECT policy_name, policy_document FROM inline_policies"
            + " WHERE account_id = ? AND owner_kind = ? AND owner_name_lc = ?";

    private final Jdbc jdbc;
    private final String upsert;

    JdbcInlinePolicyStore(Jdbc jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect == Dialect.H2 ? H2_UPSERT : POSTGRESQL_UPSERT;
    }

    /** Replaces both the document and the spelling of the name when a policy of that name exists. */
    @Override
    public void put(PolicyOwner owner, InlinePolicy policy) {
        Object[] params = {owner.accountId(), owner.kind(), Names.fold(owner.name()),
                Names.fold(policy.policyName()), policy.policyName(), policy.policyDocument()};
        String action = "put policy " + policy.policyName() + " of " + describe(owner);
        try {
            jdbc.update(action, upsert, params);
        } catch (DuplicateEntityException raceWithConcurrentInsert) {
            // H2's MERGE is update-else-insert: a concurrent put of the same new name can win the insert.
            jdbc.update(action, upsert, params);
        }
    }

    @Override
    public Optional<InlinePolicy> find(PolicyOwner owner, String policyName) {
        return jdbc.one("read policy", SELECT + " AND policy_name_lc = ?", JdbcInlinePolicyStore::map,
                owner.accountId(), owner.kind(), Names.fold(owner.name()), Names.fold(policyName));
    }

    @Override
    public List<InlinePolicy> list(PolicyOwner owner) {
        return jdbc.list("list policies", SELECT + " ORDER BY policy_name_lc", JdbcInlinePolicyStore::map,
                owner.accountId(), owner.kind(), Names.fold(owner.name()));
    }

    @Override
    public boolean delete(PolicyOwner owner, String policyName) {
        return jdbc.update("delete policy", "DELETE FROM inline_policies"
                        + " WHERE account_id = ? AND owner_kind = ? AND owner_name_lc = ? AND policy_name_lc = ?",
                owner.accountId(), owner.kind(), Names.fold(owner.name()), Names.fold(policyName)) > 0;
    }

    @Override
    public int deleteAll(PolicyOwner owner) {
        return jdbc.update("delete policies", "DELETE FROM inline_policies"
                        + " WHERE account_id = ? AND owner_kind = ? AND owner_name_lc = ?",
                owner.accountId(), owner.kind(), Names.fold(owner.name()));
    }

    private static String describe(PolicyOwner owner) {
        return owner.kind().name().toLowerCase(Locale.ROOT) + " " + owner.name()
                + " in account " + owner.accountId();
    }

    private static InlinePolicy map(ResultSet row) throws SQLException {
        return new InlinePolicy(row.getString("policy_name"), row.getString("policy_document"));
    }
}
