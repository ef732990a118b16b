package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.error.ServiceException;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.EchoedValues;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.Validation;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.gamelift.GameLiftIds;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What GameLift operations share: the model's constraints, ARNs, id-or-ARN parsing, authorization and paging. */
final class GameLiftSupport {
    static final Pattern CUSTOM_LOCATION = Pattern.compile("^custom-[A-Za-z0-9\\-]+");
    static final Pattern LOCATION_NAME_OR_ARN =
            Pattern.compile("^custom-[A-Za-z0-9\\-]+|^arn:.*:location\\/custom-\\S+");
    static final Pattern LOCATION = Pattern.compile("^[A-Za-z0-9\\-]+");
    static final Pattern FLEET_ID_OR_ARN =
            Pattern.compile("^[a-z]*fleet-[a-zA-Z0-9\\-]+$|^arn:.*:[a-z]*fleet\\/[a-z]*fleet-[a-zA-Z0-9\\-]+$");
    static final Pattern COMPUTE_NAME = Pattern.compile("^[a-zA-Z0-9\\-]+(\\/[a-zA-Z0-9\\-]+)?");
    static final Pattern COMPUTE_NAME_OR_ARN = Pattern.compile(
            "^[a-zA-Z0-9\\-]+(\\/[a-zA-Z0-9\\-]+)?$|^arn:.*:compute\\/[a-zA-Z0-9\\-]+(\\/[a-zA-Z0-9\\-]+)?");
    static final Pattern IP_ADDRESS = Pattern.compile("^[0-9A-Fa-f\\:\\.]+");
    private static final Pattern FLEET_ARN = Pattern.compile("^arn:.*:[a-z]*fleet\\/([a-z]*fleet-[a-zA-Z0-9\\-]+)$");
    private static final Pattern COMPUTE_ARN = Pattern.compile("^arn:.*:compute\\/(.+)$");
    private static final Pattern LOCATION_ARN = Pattern.compile("^arn:.*:location\\/(custom-\\S+)$");

    final Validation validation = new Validation(GameLiftErrors.INVALID_REQUEST);
    /** Where the ids GameLift makes up come from (fleets, game and player sessions, compute auth tokens). */
    final IdGenerator ids;
    private final Authorizer authorizer;
    private final String region;

    GameLiftSupport(Authorizer authorizer, String region, IdGenerator ids) {
        this.authorizer = authorizer;
        this.region = region;
        this.ids = ids;
    }

    /** Authorizes the call's own action ({@code gamelift:<Operation>}) on {@code resourceArn}. */
    void authorize(CallContext context, String resourceArn) {
        authorizer.authorize(context.principal(), context.action(), resourceArn, Map.of());
    }

    String fleetArn(String accountId, String fleetId) {
        return "arn:aws:gamelift:" + region + ":" + accountId + ":fleet/" + fleetId;
    }

    String computeArn(String accountId, String computeName) {
        return "arn:aws:gamelift:" + region + ":" + accountId + ":compute/" + computeName;
    }

    /** A game session's id: {@code arn:aws:gamelift:<region>::gamesession/<fleet id>/<location>/<id>}. */
    String gameSessionArn(String fleetId, String location, String id) {
        return "arn:aws:gamelift:" + region + "::gamesession/" + fleetId + "/" + location + "/" + id;
    }

    String region() {
        return region;
    }

    String locationArn(String accountId, String locationName) {
        return "arn:aws:gamelift:" + region + ":" + accountId + ":location/" + locationName;
    }

    /** The fleet id from a FleetId member that may be an id or an ARN (of this service and region). */
    String fleetId(String idOrArn) {
        if (idOrArn != null && idOrArn.length() <= 512 && GameLiftIds.isFleetId(idOrArn)) {
            return idOrArn; // a valid plain fleet id (and so no ARN)
        }
        validation.requiredString("FleetId", idOrArn, 1, 512, FLEET_ID_OR_ARN);
        Matcher arn = FLEET_ARN.matcher(idOrArn);
        return arn.matches() ? ownArn(idOrArn, arn.group(1)) : idOrArn;
    }

    /**
     * The fleet id from a FleetId member in the caller's account: an ARN of another account names no fleet the
     * caller has, and is NotFound rather than the caller's own fleet of that id.
     */
    String fleetId(String idOrArn, String callerAccount) {
        String fleetId = fleetId(idOrArn);
        if (!fleetId.equals(idOrArn) && !callerAccount.equals(arnAccount(idOrArn))) {
            throw notFound("Fleet %s not found.", EchoedValues.of(idOrArn));
        }
        return fleetId;
    }

    /** The compute name from a ComputeName member that may be a name or an ARN (of this service and region). */
    String computeName(String nameOrArn) {
        if (nameOrArn != null && nameOrArn.length() <= 1024 && GameLiftIds.isComputeName(nameOrArn)) {
            return nameOrArn; // a valid plain compute name (and so no ARN)
        }
        validation.requiredString("ComputeName", nameOrArn, 1, 1024, COMPUTE_NAME_OR_ARN);
        Matcher arn = COMPUTE_ARN.matcher(nameOrArn);
        return arn.matches() ? ownArn(nameOrArn, arn.group(1)) : nameOrArn;
    }

    /** The compute name from a ComputeName member in the caller's account (see {@link #fleetId(String, String)}). */
    String computeName(String nameOrArn, String callerAccount) {
        String name = computeName(nameOrArn);
        if (!name.equals(nameOrArn) && !callerAccount.equals(arnAccount(nameOrArn))) {
            throw notFound("Compute %s not found.", EchoedValues.of(nameOrArn));
        }
        return name;
    }

    /** The resource part of an ARN, once its partition, service and region are this server's. */
    private String ownArn(String arn, String resource) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[1].equals("aws") || !parts[2].equals("gamelift") || !parts[3].equals(region)) {
            throw GameLiftErrors.INVALID_REQUEST.exception("Invalid ARN %s: not a GameLift resource in %s.",
                    EchoedValues.of(arn), region);
        }
        return resource;
    }

    private static String arnAccount(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length < 6 ? "" : parts[4];
    }

    /** The location name from a member that may be a custom location name or its ARN. */
    String locationName(String nameOrArn) {
        validation.requiredString("LocationName", nameOrArn, 1, 128, LOCATION_NAME_OR_ARN);
        Matcher arn = LOCATION_ARN.matcher(nameOrArn);
        return arn.matches() ? arn.group(1) : nameOrArn;
    }

    /** A Limit the model bounds (e.g. ListLocations: 1..200); out of range is an error. */
    int limit(Integer value, int max) {
        Integer checked = validation.range("Limit", value, 1, max);
        return checked == null ? max : checked;
    }

    /** A Limit the model only requires to be positive: larger values are served as pages of {@code pageSize}. */
    int positiveLimit(Integer value, int pageSize) {
        Integer checked = validation.range("Limit", value, 1, Integer.MAX_VALUE);
        return checked == null ? pageSize : Math.min(checked, pageSize);
    }

    /** The key after which a listing resumes, from a NextToken this service handed out. */
    String after(String nextToken) {
        if (nextToken == null) {
            return null;
        }
        validation.requiredString("NextToken", nextToken, 1, 1024, null);
        return Paging.after(nextToken)
                .orElseThrow(() -> GameLiftErrors.INVALID_REQUEST.exception("Invalid NextToken: %s", nextToken));
    }

    static ServiceException notFound(String format, Object... args) {
        return GameLiftErrors.NOT_FOUND.exception(format, args);
    }
}
