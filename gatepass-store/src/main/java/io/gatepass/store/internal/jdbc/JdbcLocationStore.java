package io.gatepass.store.internal.jdbc;

import io.gatepass.core.gamelift.Location;
import io.gatepass.store.LocationStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** GameLift custom locations in table {@code gamelift_locations}, keyed by account and exact name. */
final class JdbcLocationStore implements LocationStore {
    private static final String SELECT = "SELECT account_id, location_name, location_arn, created_at"
            + " FROM gamelift_locations";

    private final Jdbc jdbc;

    JdbcLocationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Location location) {
        jdbc.update("create location " + location.locationName() + " in account " + location.accountId(),
                "INSERT INTO gamelift_locations (account_id, location_name, location_arn, created_at)"
                        + " VALUES (?, ?, ?, ?)",
                location.accountId(), location.locationName(), location.locationArn(), location.createdAt());
    }

    @Override
    public Optional<Location> find(String accountId, String locationName) {
        return jdbc.one("read location", SELECT + " WHERE account_id = ? AND location_name = ?",
                JdbcLocationStore::map, accountId, locationName);
    }

    @Override
    public List<Location> list(String accountId, String afterName, int limit) {
        Names.Query query = Names.page(SELECT + " WHERE account_id = ?", "location_name", afterName, limit,
                accountId);
        return jdbc.list("list locations", query.sql(), JdbcLocationStore::map, query.params());
    }

    /** A fleet location refers to the row, so deleting a location in use fails with a reference violation. */
    @Override
    public boolean delete(String accountId, String locationName) {
        return jdbc.update("delete location " + locationName,
                "DELETE FROM gamelift_locations WHERE account_id = ? AND location_name = ?",
                accountId, locationName) > 0;
    }

    private static Location map(ResultSet row) throws SQLException {
        return new Location(row.getString("account_id"), row.getString("location_name"),
                row.getString("location_arn"), Jdbc.instant(row, "created_at"));
    }
}
