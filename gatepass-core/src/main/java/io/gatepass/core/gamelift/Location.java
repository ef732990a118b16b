package io.gatepass.core.gamelift;

import java.time.Instant;

/**
 * A custom location of an account, where Anywhere computes run (for example {@code custom-home}). Names are
 * case-sensitive, as in GameLift, and unique per account.
 */
public record Location(String accountId, String locationName, String locationArn, Instant createdAt) {
}
