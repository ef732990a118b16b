package io.gatepass.store.internal.jdbc;

import io.gatepass.core.codeartifact.Repository;
import io.gatepass.store.RepositoryStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CodeArtifact repositories in table {@code codeartifact_repositories}, keyed by domain owner, domain name and exact
 * repository name. Upstreams are one column: the names joined with {@code ','} in search order, NULL for none.
 */
final class JdbcRepositoryStore implements RepositoryStore {
    private static final String COLUMNS = "domain_owner, domain_name, repository_name, repository_arn,"
            + " administrator_account, description, upstreams, created_at, external_connection";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM codeartifact_repositories";
    private static final String WHERE_KEY = " WHERE domain_owner = ? AND domain_name = ? AND repository_name = ?";
    private static final String SEPARATOR = ",";

    private final Jdbc jdbc;

    JdbcRepositoryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Repository repository) {
        String upstreams = encode(repository.upstreams());
        jdbc.update("create repository " + repository.name() + " in domain " + repository.domainName()
                        + " of account " + repository.domainOwner(),
                "INSERT INTO codeartifact_repositories (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                repository.domainOwner(), repository.domainName(), repository.name(), repository.arn(),
                repository.administratorAccount(), repository.description(), upstreams, repository.createdTime(),
                repository.externalConnection());
    }

    @Override
    public Optional<Repository> find(String domainOwner, String domainName, String name) {
        return jdbc.one("read repository", SELECT + WHERE_KEY, JdbcRepositoryStore::map,
                domainOwner, domainName, name);
    }

    @Override
    public List<Repository> listInDomain(String domainOwner, String domainName, String prefixOrNull,
                                         String afterName, int limit) {
        StringBuilder select = new StringBuilder(SELECT).append(" WHERE domain_owner = ? AND domain_name = ?");
        List<Object> params = new ArrayList<>(List.of(domainOwner, domainName));
        if (prefixOrNull != null) {
            select.append(" AND repository_name LIKE ? ESCAPE '\\'");
            params.add(Names.escapeLike(prefixOrNull) + "%");
        }
        Names.Query query = Names.page(select.toString(), "repository_name", afterName, limit, params.toArray());
        return jdbc.list("list repositories of domain " + domainName, query.sql(), JdbcRepositoryStore::map,
                query.params());
    }

    /** Keyset paging on (repository_name, domain_name, domain_owner) with a row-value comparison. */
    @Override
    public List<Repository> listByAdministrator(String administratorAccount, String prefixOrNull, String afterKey,
                                                int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE administrator_account = ?");
        List<Object> params = new ArrayList<>(List.of(administratorAccount));
        if (prefixOrNull != null) {
            sql.append(" AND repository_name LIKE ? ESCAPE '\\'");
            params.add(Names.escapeLike(prefixOrNull) + "%");
        }
        if (afterKey != null) {
            String[] parts = afterKey.split("/", -1);
            if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("Not a repository paging key");
            }
            sql.append(" AND (repository_name, domain_name, domain_owner) > (?, ?, ?)");
            params.addAll(Arrays.asList(parts));
        }
        sql.append(" ORDER BY repository_name, domain_name, domain_owner LIMIT ?");
        params.add(limit);
        return jdbc.list("list repositories administered by account " + administratorAccount, sql.toString(),
                JdbcRepositoryStore::map, params.toArray());
    }

    @Override
    public Optional<Repository> update(String domainOwner, String domainName, String name, String description,
                                       List<String> upstreams) {
        String encoded = encode(upstreams);
        return jdbc.inTransaction("update repository " + name + " in domain " + domainName, tx -> {
            int updated = tx.update("UPDATE codeartifact_repositories SET description = ?, upstreams = ?" + WHERE_KEY,
                    description, encoded, domainOwner, domainName, name);
            if (updated == 0) {
                return Optional.empty();
            }
            return tx.one(SELECT + WHERE_KEY, JdbcRepositoryStore::map, domainOwner, domainName, name);
        });
    }

    @Override
    public Optional<Repository> setExternalConnection(String domainOwner, String domainName, String name,
                                                      String expectedOrNull, String connectionOrNull) {
        return jdbc.inTransaction("set the external connection of repository " + name + " in domain " + domainName,
                tx -> {
                    int updated = expectedOrNull == null
                            ? tx.update("UPDATE codeartifact_repositories SET external_connection = ?" + WHERE_KEY
                                    + " AND external_connection IS NULL", connectionOrNull, domainOwner, domainName,
                                    name)
                            : tx.update("UPDATE codeartifact_repositories SET external_connection = ?" + WHERE_KEY
                                    + " AND external_connection = ?", connectionOrNull, domainOwner, domainName,
                                    name, expectedOrNull);
                    if (updated == 0) {
                        return Optional.<Repository>empty();
                    }
                    return tx.one(SELECT + WHERE_KEY, JdbcRepositoryStore::map, domainOwner, domainName, name);
                });
    }

    /** Locks the row while reading it, so the repository returned is exactly the one deleted. */
    @Override
    public Optional<Repository> delete(String domainOwner, String domainName, String name) {
        return jdbc.inTransaction("delete repository " + name + " in domain " + domainName, tx -> {
            Optional<Repository> current = tx.one(SELECT + WHERE_KEY + " FOR UPDATE", JdbcRepositoryStore::map,
                    domainOwner, domainName, name);
            if (current.isEmpty()) {
                return current;
            }
            int deleted = tx.update("DELETE FROM codeartifact_repositories" + WHERE_KEY,
                    domainOwner, domainName, name);
            return deleted == 0 ? Optional.<Repository>empty() : current;
        });
    }

    /** @throws IllegalArgumentException if a name is null, empty or holds the separator */
    private static String encode(List<String> upstreams) {
        if (upstreams == null || upstreams.isEmpty()) {
            return null;
        }
        for (String upstream : upstreams) {
            if (upstream == null || upstream.isEmpty() || upstream.contains(SEPARATOR)) {
                throw new IllegalArgumentException("Not an upstream repository name: " + upstream);
            }
        }
        return String.join(SEPARATOR, upstreams);
    }

    private static List<String> decode(String upstreams) {
        return upstreams == null || upstreams.isEmpty() ? List.of() : List.of(upstreams.split(SEPARATOR));
    }

    private static Repository map(ResultSet row) throws SQLException {
        return new Repository(row.getString("domain_owner"), row.getString("domain_name"),
                row.getString("repository_name"), row.getString("repository_arn"),
                row.getString("administrator_account"), row.getString("description"),
                decode(row.getString("upstreams")), Jdbc.instant(row, "created_at"),
                row.getString("external_connection"));
    }
}
