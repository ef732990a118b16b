package io.gatepass.store.internal.jdbc;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.store.ComputeStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Computes in table {@code gamelift_computes}, keyed by fleet id and exact compute name, with a unique index on the
 * registration id. A foreign key ties each compute to a location of its fleet.
 */
final class JdbcComputeStore implements ComputeStore {
    private static final String COLUMNS = "account_id, fleet_id, compute_name, compute_arn, ip_address, dns_name,"
            + " location_name, status, registration_id, created_at, token_expiry";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM gamelift_computes";

    private final Jdbc jdbc;

    JdbcComputeStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(Compute c) {
        jdbc.update("register compute " + c.computeName() + " with fleet " + c.fleetId(),
                "INSERT INTO gamelift_computes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.accountId(), c.fleetId(), c.computeName(), c.computeArn(), c.ipAddress(), c.dnsName(),
                c.location(), c.status(), c.registrationId(), c.createdAt(), Jdbc.timestamp(c.tokenExpiry()));
    }

    @Override
    public Optional<Compute> find(String fleetId, String computeName) {
        return jdbc.one("read compute", SELECT + " WHERE fleet_id = ? AND compute_name = ?", JdbcComputeStore::map,
                fleetId, computeName);
    }

    @Override
    public Optional<Compute> findByRegistrationId(String registrationId) {
        return jdbc.one("read compute", SELECT + " WHERE registration_id = ?", JdbcComputeStore::map,
                registrationId);
    }

    @Override
    public List<Compute> list(String fleetId, String locationOrNull, String afterComputeName, int limit) {
        Names.Query query = locationOrNull == null
                ? Names.page(SELECT + " WHERE fleet_id = ?", "compute_name", afterComputeName, limit, fleetId)
                : Names.page(SELECT + " WHERE fleet_id = ? AND location_name = ?", "compute_name", afterComputeName,
                        limit, fleetId, locationOrNull);
        return jdbc.list("list computes of fleet " + fleetId, query.sql(), JdbcComputeStore::map, query.params());
    }

    @Override
    public boolean deregister(String fleetId, String computeName) {
        return jdbc.update("deregister compute " + computeName + " from fleet " + fleetId,
                "DELETE FROM gamelift_computes WHERE fleet_id = ? AND compute_name = ?", fleetId, computeName) > 0;
    }

    /**
     * One conditional UPDATE. Both databases lock the row, and a waiting UPDATE re-checks its condition against the
     * committed winner's row, so of concurrent callers expecting the same value exactly one matches.
     */
    @Override
    public boolean updateTokenExpiry(String fleetId, String computeName, String registrationId,
                                     Instant expectedCurrentOrNull, Instant newExpiry) {
        String sql = "UPDATE gamelift_computes SET token_expiry = ?"
                + " WHERE fleet_id = ? AND compute_name = ? AND registration_id = ? AND token_expiry "
                + (expectedCurrentOrNull == null ? "IS NULL" : "= ?");
        Object[] params = expectedCurrentOrNull == null
                ? new Object[] {newExpiry, fleetId, computeName, registrationId}
                : new Object[] {newExpiry, fleetId, computeName, registrationId, expectedCurrentOrNull};
        return jdbc.update("update the token expiry of compute " + computeName, sql, params) == 1;
    }

    @Override
    public int countInLocation(String fleetId, String location) {
        return jdbc.one("count computes in location " + location,
                "SELECT COUNT(*) FROM gamelift_computes WHERE fleet_id = ? AND location_name = ?",
                row -> row.getInt(1), fleetId, location).orElse(0);
    }

    private static Compute map(ResultSet row) throws SQLException {
        return new Compute(row.getString("account_id"), row.getString("fleet_id"), row.getString("compute_name"),
                row.getString("compute_arn"), row.getString("ip_address"), row.getString("dns_name"),
                row.getString("location_name"), row.getString("status"), row.getString("registration_id"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "token_expiry"));
    }
}
