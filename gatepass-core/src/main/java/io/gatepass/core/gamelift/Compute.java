package io.gatepass.core.gamelift;

import java.time.Instant;

/**
 * A compute registered with an Anywhere fleet. {@code ipAddress} or {@code dnsName} (or both) is set; {@code status}
 * is an AWS {@code ComputeStatus} value as text. {@code registrationId} is opaque and new for every registration, so
 * a token bound to it dies with the registration, even if the same name registers again. {@code tokenExpiry} is the
 * expiry of the compute auth token currently handed out, or null before the first one.
 *
 * <p>{@code toString} leaves out the IP address, which the AWS model marks sensitive.
 */
public record Compute(String accountId, String fleetId, String computeName, String computeArn, String ipAddress,
                      String dnsName, String location, String status, String registrationId, Instant createdAt,
                      Instant tokenExpiry) {
    public static final String STATUS_ACTIVE = "ACTIVE";

    public Compute withTokenExpiry(Instant newTokenExpiry) {
        return new Compute(accountId, fleetId, computeName, computeArn, ipAddress, dnsName, location, status,
                registrationId, createdAt, newTokenExpiry);
    }

    @Override
    public String toString() {
        return "Compute[" + computeName + ", fleet=" + fleetId + ", account=" + accountId + ", location=" + location
                + ", dns=" + dnsName + ", ip=" + (ipAddress == null ? null : "***") + ", " + status
                + ", registration=" + registrationId + ", tokenExpiry=" + tokenExpiry + "]";
    }
}
