package io.gatepass.core.gamelift;

import java.time.Instant;

/**
 * A GameLift fleet. Gatepass hosts {@value #COMPUTE_TYPE_ANYWHERE} fleets, whose ids are {@code fleet-<uuid>}.
 * {@code computeType} and {@code status} hold the AWS enum values as text ({@code ACTIVE}, {@code DELETING}, ...).
 * {@code attributesJson} carries the remaining modelled fleet attributes that the API echoes back; the store keeps it
 * as opaque text and may hold null. {@code description} may be null.
 */
public record Fleet(String accountId, String fleetId, String fleetArn, String name, String description,
                    String computeType, String status, Instant createdAt, String attributesJson) {
    public static final String COMPUTE_TYPE_ANYWHERE = "ANYWHERE";
    public static final String STATUS_ACTIVE = "ACTIVE";
}
