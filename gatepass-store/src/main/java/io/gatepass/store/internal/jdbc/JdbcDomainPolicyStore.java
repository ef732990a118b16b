package io.gatepass.store.internal.jdbc;

import io.gatepass.core.codeartifact.DomainPolicy;
import io.gatepass.store.DomainPolicyStore;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.RevisionMismatchException;
import io.gatepass.store.StoreException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Domain permissions policies in table {@code codeartifact_domain_policies}, one row per domain. The compare-and-set
 * is a single conditional UPDATE, so the database's row lock decides between concurrent writers on any node.
 */
final class JdbcDomainPolicyStore implements DomainPolicyStore {
    private static final String SELECT = "SELECT domain_owner, domain_name, policy_document, policy_revision"
            + " FROM codeartifact_domain_policies WHERE domain_owner = ? AND domain_name = ?";
    private static final String UPDATE = "UPDATE codeartifact_domain_policies SET policy_document = ?,"
            + " policy_revision = ? WHERE domain_owner = ? AND domain_name = ?";
    /** An unconditional put races other creators at most this often before giving up. */
    private static final int UPSERT_ATTEMPTS = 3;

    private final Jdbc jdbc;

    JdbcDomainPolicyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean put(DomainPolicy newPolicy, String expectedRevisionOrNull) {
        String action = "put the permissions policy of domain " + newPolicy.domainName();
        Object[] update = {newPolicy.document(), newPolicy.revision(), newPolicy.domainOwner(),
                newPolicy.domainName()};
        if (expectedRevisionOrNull != null) {
            return jdbc.update(action, UPDATE + " AND policy_revision = ?", newPolicy.document(),
                    newPolicy.revision(), newPolicy.domainOwner(), newPolicy.domainName(), expectedRevisionOrNull) > 0;
        }
        // Update, else insert; an insert that loses a race with another creator updates the winner's row instead.
        DuplicateEntityException lastRace = null;
        for (int attempt = 0; attempt < UPSERT_ATTEMPTS; attempt++) {
            if (jdbc.update(action, UPDATE, update) > 0) {
                return true;
            }
            try {
                jdbc.update(action, "INSERT INTO codeartifact_domain_policies (domain_owner, domain_name,"
                                + " policy_document, policy_revision) VALUES (?, ?, ?, ?)",
                        newPolicy.domainOwner(), newPolicy.domainName(), newPolicy.document(), newPolicy.revision());
                return true;
            } catch (DuplicateEntityException race) {
                lastRace = race;
            }
        }
        throw new StoreException("Cannot " + action + ": concurrent writers kept racing it", lastRace);
    }

    @Override
    public Optional<DomainPolicy> find(String domainOwner, String domainName) {
        return jdbc.one("read the permissions policy of domain " + domainName, SELECT, JdbcDomainPolicyStore::map,
                domainOwner, domainName);
    }

    /** Locks the row while comparing, so the policy returned is exactly the one deleted. */
    @Override
    public Optional<DomainPolicy> delete(String domainOwner, String domainName, String expectedRevisionOrNull) {
        return jdbc.inTransaction("delete the permissions policy of domain " + domainName, tx -> {
            Optional<DomainPolicy> current = tx.one(SELECT + " FOR UPDATE", JdbcDomainPolicyStore::map,
                    domainOwner, domainName);
            if (current.isEmpty()) {
                return current;
            }
            if (expectedRevisionOrNull != null && !expectedRevisionOrNull.equals(current.get().revision())) {
                throw new RevisionMismatchException("Cannot delete the permissions policy of domain " + domainName
                        + ": its revision is not the one expected");
            }
            int deleted = tx.update("DELETE FROM codeartifact_domain_policies WHERE domain_owner = ?"
                    + " AND domain_name = ?", domainOwner, domainName);
            return deleted == 0 ? Optional.<DomainPolicy>empty() : current;
        });
    }

    private static DomainPolicy map(ResultSet row) throws SQLException {
        return new DomainPolicy(row.getString("domain_owner"), row.getString("domain_name"),
                row.getString("policy_document"), row.getString("policy_revision"));
    }
}
