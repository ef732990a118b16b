package io.gatepass.store.internal.jdbc;

import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;
import io.gatepass.store.FleetStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Fleets in table {@code gamelift_fleets} (keyed by fleet id) and their locations in {@code gamelift_fleet_locations}.
 * The schema's foreign keys do the rest: a fleet location must be a custom location of the fleet's account, and
 * deleting a fleet or a fleet location cascades to what was registered there.
 */
final class JdbcFleetStore implements FleetStore {
    private static final String SELECT = "SELECT account_id, fleet_id, fleet_arn, fleet_name, description,"
            + " compute_type, status, created_at, attributes_json FROM gamelift_fleets";
    private static final String INSERT_LOCATION = "INSERT INTO gamelift_fleet_locations"
            + " (fleet_id, location_name, account_id, status, created_at) VALUES (?, ?, ?, ?, ?)";

    private final Jdbc jdbc;

    JdbcFleetStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Fleet fleet, List<FleetLocation> locations) {
        requireFleet(fleet.fleetId(), locations);
        jdbc.inTransaction("create fleet " + fleet.fleetId() + " in account " + fleet.accountId(), tx -> {
            tx.update("INSERT INTO gamelift_fleets (fleet_id, account_id, fleet_arn, fleet_name, description,"
                            + " compute_type, status, created_at, attributes_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    fleet.fleetId(), fleet.accountId(), fleet.fleetArn(), fleet.name(), fleet.description(),
                    fleet.computeType(), fleet.status(), fleet.createdAt(), fleet.attributesJson());
            insertLocations(tx, fleet.accountId(), locations);
            return null;
        });
    }

    @Override
    public Optional<Fleet> find(String accountId, String fleetId) {
        return jdbc.one("read fleet", SELECT + " WHERE account_id = ? AND fleet_id = ?", JdbcFleetStore::map,
                accountId, fleetId);
    }

    @Override
    public List<Fleet> list(String accountId, String afterFleetId, int limit) {
        Names.Query query = Names.page(SELECT + " WHERE account_id = ?", "fleet_id", afterFleetId, limit, accountId);
        return jdbc.list("list fleets", query.sql(), JdbcFleetStore::map, query.params());
    }

    /** One statement: the foreign keys cascade to the fleet's locations and, through them, to its computes. */
    @Override
    public boolean delete(String accountId, String fleetId) {
        return jdbc.update("delete fleet " + fleetId,
                "DELETE FROM gamelift_fleets WHERE account_id = ? AND fleet_id = ?", accountId, fleetId) > 0;
    }

    @Override
    public boolean addLocations(String fleetId, List<FleetLocation> locations) {
        requireFleet(fleetId, locations);
        return jdbc.inTransaction("add locations to fleet " + fleetId, tx -> {
            Optional<String> accountId = tx.one("SELECT account_id FROM gamelift_fleets WHERE fleet_id = ?",
                    row -> row.getString(1), fleetId);
            if (accountId.isEmpty()) {
                return false;
            }
            insertLocations(tx, accountId.get(), locations);
            return true;
        });
    }

    /** Each location's computes go with it (the foreign key cascades). */
    @Override
    public int removeLocations(String fleetId, List<String> locationNames) {
        return jdbc.inTransaction("remove locations from fleet " + fleetId, tx -> {
            int removed = 0;
            for (String locationName : locationNames) {
                removed += tx.update("DELETE FROM gamelift_fleet_locations WHERE fleet_id = ? AND location_name = ?",
                        fleetId, locationName);
            }
            return removed;
        });
    }

    @Override
    public List<FleetLocation> locations(String fleetId) {
        return jdbc.list("list locations of fleet " + fleetId,
                "SELECT fleet_id, location_name, status, created_at FROM gamelift_fleet_locations"
                        + " WHERE fleet_id = ? ORDER BY location_name",
                JdbcFleetStore::mapLocation, fleetId);
    }

    @Override
    public boolean isLocationInUse(String accountId, String locationName) {
        return jdbc.one("check the use of location " + locationName,
                "SELECT 1 FROM gamelift_fleet_locations WHERE account_id = ? AND location_name = ? LIMIT 1",
                row -> true, accountId, locationName).isPresent();
    }

    @Override
    public Optional<String> runtimeConfiguration(String fleetId) {
        return jdbc.one("read the runtime configuration of fleet " + fleetId,
                "SELECT runtime_configuration_json FROM gamelift_fleets WHERE fleet_id = ?",
                row -> Optional.ofNullable(row.getString(1)), fleetId).flatMap(json -> json);
    }

    @Override
    public boolean updateRuntimeConfiguration(String fleetId, String runtimeConfigurationJson) {
        return jdbc.update("update the runtime configuration of fleet " + fleetId,
                "UPDATE gamelift_fleets SET runtime_configuration_json = ? WHERE fleet_id = ?",
                runtimeConfigurationJson, fleetId) > 0;
    }

    private static void insertLocations(Jdbc.Transaction tx, String accountId, List<FleetLocation> locations)
            throws SQLException {
        for (FleetLocation location : locations) {
            tx.update(INSERT_LOCATION, location.fleetId(), location.location(), accountId, location.status(),
                    location.createdAt());
        }
    }

    private static void requireFleet(String fleetId, List<FleetLocation> locations) {
        for (FleetLocation location : locations) {
            if (!fleetId.equals(location.fleetId())) {
                throw new IllegalArgumentException("Location " + location.location() + " is for fleet "
                        + location.fleetId() + ", not " + fleetId);
            }
        }
    }

    private static Fleet map(ResultSet row) throws SQLException {
        return new Fleet(row.getString("account_id"), row.getString("fleet_id"), row.getString("fleet_arn"),
                row.getString("fleet_name"), row.getString("description"), row.getString("compute_type"),
                row.getString("status"), Jdbc.instant(row, "created_at"), row.getString("attributes_json"));
    }

    private static FleetLocation mapLocation(ResultSet row) throws SQLException {
        return new FleetLocation(row.getString("fleet_id"), row.getString("location_name"), row.getString("status"),
                Jdbc.instant(row, "created_at"));
    }
}
