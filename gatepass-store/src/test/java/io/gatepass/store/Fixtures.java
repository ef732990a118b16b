package io.gatepass.store;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;
import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.PlayerSession;
import io.gatepass.core.gamelift.Location;
import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.core.identity.Role;
import io.gatepass.core.identity.SessionCredentials;
import io.gatepass.core.identity.User;

import java.time.Instant;
import java.util.UUID;

/** Records for the store tests. Instants carry microseconds: the store keeps exactly that much. */
final class Fixtures {
    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "210987654321";
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456Z");
    static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    private Fixtures() {
    }

    static User user(String name) {
        return user(ACCOUNT, name, "/");
    }

    static User user(String accountId, String name, String path) {
        return new User(accountId, name, "AIDA" + uniqueId(), path, T0);
    }

    static Role role(String name) {
        return role(ACCOUNT, name, "/");
    }

    static Role role(String accountId, String name, String path) {
        return new Role(accountId, name, "AROA" + uniqueId(), path, TRUST_POLICY, 3600, null, T0);
    }

    static AccessKey key(String userName, Instant created) {
        return new AccessKey("AKIA" + uniqueId(), ACCOUNT, userName, "enc:" + uniqueId(), AccessKeyStatus.Active,
                created);
    }

    static SessionCredentials userSession(String userName, Instant expiration) {
        return new SessionCredentials("ASIA" + uniqueId(), ACCOUNT, "enc:" + uniqueId(), "sha256:" + uniqueId(),
                userName, null, null, null, "arn:aws:iam::" + ACCOUNT + ":user/" + userName, expiration, T0);
    }

    static SessionCredentials roleSession(String roleName, Instant expiration) {
        return new SessionCredentials("ASIA" + uniqueId(), ACCOUNT, "enc:" + uniqueId(), "sha256:" + uniqueId(),
                null, roleName, "AROA" + uniqueId(), "build-42", "arn:aws:iam::" + ACCOUNT + ":root", expiration, T0);
    }

    static Location location(String accountId, String name) {
        return new Location(accountId, name, "arn:aws:gamelift:us-east-1:" + accountId + ":location/" + name, T0);
    }

    /** An active Anywhere fleet with a new {@code fleet-<uuid>} id. */
    static Fleet fleet(String accountId) {
        String fleetId = "fleet-" + UUID.randomUUID();
        return new Fleet(accountId, fleetId, "arn:aws:gamelift:us-east-1:" + accountId + ":fleet/" + fleetId,
                "game-servers", null, Fleet.COMPUTE_TYPE_ANYWHERE, Fleet.STATUS_ACTIVE, T0,
                "{\"FleetType\":\"ON_DEMAND\",\"AnywhereConfiguration\":{\"Cost\":\"0.5\"}}");
    }

    static FleetLocation fleetLocation(Fleet fleet, String location) {
        return new FleetLocation(fleet.fleetId(), location, Fleet.STATUS_ACTIVE, T0);
    }

    /** An active compute at an IP address, with a new registration id and no token handed out yet. */
    static Compute compute(Fleet fleet, String name, String location) {
        return new Compute(fleet.accountId(), fleet.fleetId(), name,
                "arn:aws:gamelift:us-east-1:" + fleet.accountId() + ":compute/" + name, "10.0.0.7", null, location,
                Compute.STATUS_ACTIVE, "reg-" + uniqueId(), T0, null);
    }

    /** An ACTIVATING game session for up to {@code maximum} players on a process of the fleet. */
    static GameSession gameSession(Fleet fleet, String location, String computeName, String processId, int maximum) {
        String id = "arn:aws:gamelift:us-east-1::gamesession/" + fleet.fleetId() + "/" + location + "/gsess-"
                + uniqueId();
        return new GameSession(fleet.accountId(), id, fleet.fleetId(), location, computeName, processId, "match",
                null, maximum, 0, GameSession.ACTIVATING, null, GameSession.ACCEPT_ALL, "NoProtection",
                "[{\"Key\":\"mode\",\"Value\":\"brawl\"}]", "data", null, "10.0.0.7", null, 7777, null, T0,
                null);
    }

    /** A RESERVED player session in the game session, created at {@code created}. */
    static PlayerSession playerSession(GameSession game, String playerId, Instant created) {
        return new PlayerSession(game.accountId(), "psess-" + UUID.randomUUID(), game.gameSessionId(),
                game.fleetId(), playerId, null, PlayerSession.RESERVED, created, null);
    }

    /** 16 upper-case hex characters, unique per call. */
    static String uniqueId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }
}
