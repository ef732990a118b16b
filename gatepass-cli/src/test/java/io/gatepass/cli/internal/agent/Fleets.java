package io.gatepass.cli.internal.agent;

import io.gatepass.cli.testing.CliTestServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fleets on a test server, and agent settings for them. */
final class Fleets {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fleets() {
    }

    /** An SDK client with the administrator's key; the agent builds its own the same way a user would. */
    static GameLiftClient adminClient(String endpoint) {
        return GameLiftClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(endpoint)).region(Region.of(CliTestServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(CliTestServer.ADMIN_ID, CliTestServer.ADMIN_SECRET)))
                .build();
    }

    /** Creates a custom location and an Anywhere fleet in it; returns the fleet id. */
    static String anywhereFleet(GameLiftClient client, String location) {
        client.createLocation(r -> r.locationName(location));
        return client.createFleet(r -> r.name("agent-test-" + SEQUENCE.incrementAndGet())
                .computeType(ComputeType.ANYWHERE).locations(l -> l.location(location)))
                .fleetAttributes().fleetId();
    }

    /** A loopback port that was free a moment ago. */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Settings for an agent on a fleet, with fast retries; change what a test needs with the record's fields. */
    static AgentSettings settings(String endpoint, String fleetId, String location, String computeName,
                                  Path tokenFile, List<String> command, int processes) {
        return new AgentSettings(fleetId, location, "127.0.0.1", null, computeName, endpoint, null,
                CliTestServer.REGION, tokenFile, command, processes, Duration.ofMinutes(5), Duration.ofMillis(50),
                Duration.ofMillis(400), Duration.ofSeconds(5), 0, "127.0.0.1", "text");
    }
}
