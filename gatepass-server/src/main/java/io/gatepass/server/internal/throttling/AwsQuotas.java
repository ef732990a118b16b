package io.gatepass.server.internal.throttling;

import java.util.List;
import java.util.Map;

/**
 * AWS's published request quotas for the operations Gatepass serves (the {@code aws} profile), by quota name. Sources
 * and dates are in docs/throttling.md; where AWS publishes a rate but no burst, the burst is one second's worth.
 */
final class AwsQuotas {
    private AwsQuotas() {
    }

    /** GameLift: burst and rate per operation and account ("API limits reference", GameLift Servers guide). */
    private static final Map<String, RateLimit> GAMELIFT = Map.ofEntries(
            Map.entry("CreateFleet", new RateLimit(1, 4)),
            Map.entry("CreateFleetLocations", new RateLimit(20, 20)),
            Map.entry("CreateGameSession", new RateLimit(50, 50)),
            Map.entry("CreateLocation", new RateLimit(20, 20)),
            Map.entry("CreatePlayerSession", new RateLimit(200, 200)),
            Map.entry("CreatePlayerSessions", new RateLimit(200, 200)),
            Map.entry("DeleteFleet", new RateLimit(20, 20)),
            Map.entry("DeleteFleetLocations", new RateLimit(20, 20)),
            Map.entry("DeleteLocation", new RateLimit(20, 20)),
            Map.entry("DeregisterCompute", new RateLimit(20, 20)),
            Map.entry("DescribeCompute", new RateLimit(30, 30)),
            Map.entry("DescribeFleetAttributes", new RateLimit(30, 30)),
            Map.entry("DescribeFleetUtilization", new RateLimit(30, 30)),
            Map.entry("DescribeGameSessionDetails", new RateLimit(30, 30)),
            Map.entry("DescribeGameSessions", new RateLimit(20, 20)),
            Map.entry("DescribePlayerSessions", new RateLimit(200, 200)),
            Map.entry("GetComputeAuthToken", new RateLimit(5, 10)),
            Map.entry("ListCompute", new RateLimit(30, 30)),
            Map.entry("ListFleets", new RateLimit(30, 30)),
            Map.entry("ListLocations", new RateLimit(30, 30)),
            Map.entry("RegisterCompute", new RateLimit(20, 20)),
            Map.entry("SearchGameSessions", new RateLimit(30, 30)),
            Map.entry("TerminateGameSession", new RateLimit(20, 20)),
            Map.entry("UpdateGameSession", new RateLimit(20, 20)));

    /** CodeArtifact: requests per second per operation ("Quotas in AWS CodeArtifact"). */
    private static final Map<String, RateLimit> CODEARTIFACT = Map.of(
            "GetAuthorizationToken", RateLimit.perSecond(40),
            "GetPackageVersionAsset", RateLimit.perSecond(50),
            "ListPackageVersionAssets", RateLimit.perSecond(200),
            "ListPackageVersions", RateLimit.perSecond(200),
            "ListPackages", RateLimit.perSecond(200),
            "PublishPackageVersion", RateLimit.perSecond(10));

    /** Quotas shared by several operations of an account, and the per-token quota of the repository endpoints. */
    static final Map<String, RateLimit> SHARED = Map.of(
            "gamelift:*", new RateLimit(500, 500),          // every GameLift API of an account
            "codeartifact:read", RateLimit.perSecond(800),  // read requests from one account
            "codeartifact:write", RateLimit.perSecond(100), // write requests from one account
            "sts:*", RateLimit.perSecond(600),              // AssumeRole, GetCallerIdentity, GetSessionToken, ...
            "iam:*", new RateLimit(20, 40),                 // not published by AWS: Gatepass's assumption
            Throttle.REPOSITORY_TOKEN, RateLimit.perSecond(1200)); // requests using one authorization token

    /** The quota names a call of {@code service}'s {@code operation} takes a token from, the narrowest first. */
    static List<String> quotasFor(String service, String operation) {
        return switch (service) {
            case "gamelift" -> GAMELIFT.containsKey(operation)
                    ? List.of("gamelift:" + operation, "gamelift:*") : List.of("gamelift:*");
            case "codeartifact" -> {
                String shared = isRead(operation) ? "codeartifact:read" : "codeartifact:write";
                yield CODEARTIFACT.containsKey(operation) ? List.of("codeartifact:" + operation, shared)
                        : List.of(shared);
            }
            case "sts", "iam" -> List.of(service + ":*");
            default -> List.of(service + ":" + operation);
        };
    }

    /** The published limit of a quota name, or null when AWS publishes none for it. */
    static RateLimit limit(String quota) {
        RateLimit shared = SHARED.get(quota);
        if (shared != null) {
            return shared;
        }
        int colon = quota.indexOf(':');
        String operation = quota.substring(colon + 1);
        return switch (quota.substring(0, colon < 0 ? 0 : colon)) {
            case "gamelift" -> GAMELIFT.get(operation);
            case "codeartifact" -> CODEARTIFACT.get(operation);
            default -> null;
        };
    }

    private static boolean isRead(String operation) {
        return operation.startsWith("Describe") || operation.startsWith("Get") || operation.startsWith("List");
    }
}
