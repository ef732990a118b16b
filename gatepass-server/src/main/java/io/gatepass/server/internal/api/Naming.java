package io.gatepass.server.internal.api;

/** How a service spells its members on the wire. */
public enum Naming {
    /** {@code UserName}, {@code FleetId}: IAM, STS, GameLift. */
    PASCAL_CASE,
    /** {@code domainOwner}, {@code authorizationToken}: CodeArtifact. */
    CAMEL_CASE
}
