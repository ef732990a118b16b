package io.gatepass.store.internal.jdbc;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.store.DomainStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CodeArtifact domains in table {@code codeartifact_domains}, keyed by owner and exact name. The schema's foreign keys
 * refuse deleting a domain with repositories and take its policy along when it goes.
 */
final class JdbcDomainStore implements DomainStore {
    private static final String SELECT = "SELECT domain_owner, domain_name, domain_arn, status, encryption_key,"
            + " created_at FROM codeartifact_domains";

    private final Jdbc jdbc;

    JdbcDomainStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Domain domain) {
        jdbc.update("create domain " + domain.name() + " in account " + domain.owner(),
                "INSERT INTO codeartifact_domains (domain_owner, domain_name, domain_arn, status, encryption_key,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                domain.owner(), domain.name(), domain.arn(), domain.status(), domain.encryptionKey(),
                domain.createdTime());
    }

    @Override
    public Optional<Domain> find(String owner, String name) {
        return jdbc.one("read domain", SELECT + " WHERE domain_owner = ? AND domain_name = ?",
                JdbcDomainStore::map, owner, name);
    }

    /** Keyset paging on (domain_name, domain_owner) with a row-value comparison, which both databases index. */
    @Override
    public List<Domain> list(String ownerOrNull, String afterKey, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (ownerOrNull != null) {
            sql.append(" AND domain_owner = ?");
            params.add(ownerOrNull);
        }
        if (afterKey != null) {
            String[] parts = afterKey.split("/", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new IllegalArgumentException("Not a domain paging key");
            }
            sql.append(" AND (domain_name, domain_owner) > (?, ?)");
            params.add(parts[0]);
            params.add(parts[1]);
        }
        sql.append(" ORDER BY domain_name, domain_owner LIMIT ?");
        params.add(limit);
        return jdbc.list("list domains", sql.toString(), JdbcDomainStore::map, params.toArray());
    }

    /** One statement: the policy cascades; a repository's foreign key makes it fail with a reference violation. */
    @Override
    public boolean delete(String owner, String name) {
        return jdbc.update("delete domain " + name + " in account " + owner,
                "DELETE FROM codeartifact_domains WHERE domain_owner = ? AND domain_name = ?", owner, name) > 0;
    }

    @Override
    public int repositoryCount(String owner, String name) {
        return jdbc.one("count the repositories of domain " + name,
                "SELECT COUNT(*) FROM codeartifact_repositories WHERE domain_owner = ? AND domain_name = ?",
                row -> row.getInt(1), owner, name).orElse(0);
    }

    private static Domain map(ResultSet row) throws SQLException {
        return new Domain(row.getString("domain_owner"), row.getString("domain_name"), row.getString("domain_arn"),
                row.getString("status"), Jdbc.instant(row, "created_at"), row.getString("encryption_key"));
    }
}
