package io.gatepass.store.internal.jdbc;

import io.gatepass.core.codeartifact.RepositoryPolicy;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.RepositoryPolicyStore;
import io.gatepass.store.RevisionMismatchException;
import io.gatepass.store.StoreException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Repository permissions policies in table {@code codeartifact_repository_policies}, one row per repository; the
 * same compare-and-set as {@link JdbcDomainPolicyStore}.
 */
final class JdbcRepositoryPolicyStore implements RepositoryPolicyStore {
    private static final String KEY = " WHERE domain_owner = ? AND domain_name = ? AND repository_name = ?";
    private static final String SELECT = "SELECT domain_owner, domain_name, repository_name, policy_document,"
            + " policy_revision FROM codeartifact_repository_policies" + KEY;
    private static final String UPDATE = "UPDATE codeartifact_repository_policies SET policy_document = ?,"
            + " policy_revision = ?" + KEY;
    private static final int UPSERT_ATTEMPTS = 3;

    private final Jdbc jdbc;

    JdbcRepositoryPolicyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean put(RepositoryPolicy policy, String expectedRevisionOrNull) {
        String action = "put the permissions policy of repository " + policy.repositoryName();
        if (expectedRevisionOrNull != null) {
            return jdbc.update(action, UPDATE + " AND policy_revision = ?", policy.document(), policy.revision(),
                    policy.domainOwner(), policy.domainName(), policy.repositoryName(), expectedRevisionOrNull) > 0;
        }
        DuplicateEntityException lastRace = null;
        for (int attempt = 0; attempt < UPSERT_ATTEMPTS; attempt++) {
            if (jdbc.update(action, UPDATE, policy.document(), policy.revision(), policy.domainOwner(),
                    policy.domainName(), policy.repositoryName()) > 0) {
                return true;
            }
            try {
                jdbc.update(action, "INSERT INTO codeartifact_repository_policies (domain_owner, domain_name,"
                                + " repository_name, policy_document, policy_revision) VALUES (?, ?, ?, ?, ?)",
                        policy.domainOwner(), policy.domainName(), policy.repositoryName(), policy.document(),
                        policy.revision());
                return true;
            } catch (DuplicateEntityException race) {
                lastRace = race;
            }
        }
        throw new StoreException("Cannot " + action + ": concurrent writers kept racing it", lastRace);
    }

    @Override
    public Optional<RepositoryPolicy> find(String domainOwner, String domainName, String repositoryName) {
        return jdbc.one("read the permissions policy of repository " + repositoryName, SELECT,
                JdbcRepositoryPolicyStore::map, domainOwner, domainName, repositoryName);
    }

    @Override
    public Optional<RepositoryPolicy> delete(String domainOwner, String domainName, String repositoryName,
                                             String expectedRevisionOrNull) {
        return jdbc.inTransaction("delete the permissions policy of repository " + repositoryName, tx -> {
            Optional<RepositoryPolicy> current = tx.one(SELECT + " FOR UPDATE", JdbcRepositoryPolicyStore::map,
                    domainOwner, domainName, repositoryName);
            if (current.isEmpty()) {
                return current;
            }
            if (expectedRevisionOrNull != null && !expectedRevisionOrNull.equals(current.get().revision())) {
                throw new RevisionMismatchException("Cannot delete the permissions policy of repository "
                        + repositoryName + ": its revision is not the one expected");
            }
            int deleted = tx.update("DELETE FROM codeartifact_repository_policies" + KEY, domainOwner, domainName,
                    repositoryName);
            return deleted == 0 ? Optional.<RepositoryPolicy>empty() : current;
        });
    }

    private static RepositoryPolicy map(ResultSet row) throws SQLException {
        return new RepositoryPolicy(row.getString("domain_owner"), row.getString("domain_name"),
                row.getString("repository_name"), row.getString("policy_document"), row.getString("policy_revision"));
    }
}
