package io.gatepass.store.internal.jdbc;

import io.gatepass.core.identity.Role;
import io.gatepass.store.RoleStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** IAM roles in table {@code iam_roles}, keyed by account and lower-cased name. */
final class JdbcRoleStore implements RoleStore {
    private static final String SELECT = "SELECT account_id, role_name, role_id, path, assume_role_policy_document,"
            + " max_session_duration, description, create_date FROM iam_roles";

    private final Jdbc jdbc;

    JdbcRoleStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Role role) {
        jdbc.update("create role " + role.roleName() + " in account " + role.accountId(),
                "INSERT INTO iam_roles (account_id, role_name_lc, role_name, role_id, path,"
                        + " assume_role_policy_document, max_session_duration, description, create_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                role.accountId(), Names.fold(role.roleName()), role.roleName(), role.roleId(), role.path(),
                role.assumeRolePolicyDocument(), role.maxSessionDuration(), role.description(), role.createDate());
    }

    @Override
    public Optional<Role> find(String accountId, String roleName) {
        return jdbc.one("read role", SELECT + " WHERE account_id = ? AND role_name_lc = ?", JdbcRoleStore::map,
                accountId, Names.fold(roleName));
    }

    @Override
    public List<Role> list(String accountId, String pathPrefix, String afterName, int limit) {
        Names.Query query = Names.listing(SELECT, "role_name_lc", accountId, pathPrefix, afterName, limit);
        return jdbc.list("list roles", query.sql(), JdbcRoleStore::map, query.params());
    }

    @Override
    public boolean delete(String accountId, String roleName) {
        return jdbc.update("delete role", "DELETE FROM iam_roles WHERE account_id = ? AND role_name_lc = ?",
                accountId, Names.fold(roleName)) > 0;
    }

    private static Role map(ResultSet row) throws SQLException {
        return new Role(row.getString("account_id"), row.getString("role_name"), row.getString("role_id"),
                row.getString("path"), row.getString("assume_role_policy_document"),
                row.getInt("max_session_duration"), row.getString("description"), Jdbc.instant(row, "create_date"));
    }
}
