package io.gatepass.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.LocationConfiguration;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a server in the middle of a storm of writes and token calls loses nothing it acknowledged: after a
 * restart on the same store every user, access key, compute and repository it confirmed exists and works, every
 * compute auth token it handed out is still the compute's token, and every repository token still opens the
 * repository. On the embedded store and on PostgreSQL.
 */
class CrashSafetyTest {
    private static final String ADMIN_ID = "AKIAGATEPASSCRASH001";
    private static final String ADMIN_SECRET = "crashTestSecretcrashTestSecretcrashTest0";
    private static final AwsCredentials ADMIN = AwsBasicCredentials.create(ADMIN_ID, ADMIN_SECRET);
    private static final String POSTGRES = System.getenv().getOrDefault("GATEPASS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    /** The server is killed once this many writes and tokens have been acknowledged. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 240;
    private static final int CLIENTS = 6;

    /** What the server confirmed before it died. */
    private static final class Acknowledged {
        final Map<String, AwsCredentials> userKeys = new ConcurrentHashMap<>();
        final Map<String, String> computeTokens = new ConcurrentHashMap<>();
        final Map<String, String> repositoryTokens = new ConcurrentHashMap<>();
        final AtomicInteger count = new AtomicInteger();
    }

    @Test
    void kill9_duringAStorm_onTheEmbeddedStore_losesNothingAcknowledged(@TempDir Path dataDir) throws Exception {
        stormKillRestartCheck(dataDir, null);
    }

    @Test
    void kill9_duringAStorm_onPostgres_losesNothingAcknowledged(@TempDir Path dataDir) throws Exception {
        String schema = "gp_crash_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            stormKillRestartCheck(dataDir, POSTGRES + "&currentSchema=" + schema);
        } finally {
            try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void stormKillRestartCheck(Path dataDir, String storeUrl) throws Exception {
        Acknowledged acknowledged = new Acknowledged();
        String fleetId;
        Process first = start(dataDir, storeUrl);
        try {
            String endpoint = readyEndpoint(first);
            try (GameLiftClient gl = gameLift(endpoint); CodeartifactClient ca = codeArtifact(endpoint)) {
                gl.createLocation(r -> r.locationName("custom-crash"));
                fleetId = gl.createFleet(r -> r.name("crash").computeType(ComputeType.ANYWHERE)
                        .locations(LocationConfiguration.builder().location("custom-crash").build()))
                        .fleetAttributes().fleetId();
                ca.createDomain(r -> r.domain("crash"));
            }
            storm(endpoint, fleetId, acknowledged, first);
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged.count.get()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        Process second = start(dataDir, storeUrl);
        try {
            String endpoint = readyEndpoint(second);
            checkEverything(endpoint, fleetId, acknowledged);
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Clients write until the server dies under them; the kill comes from the client that reaches the count. */
    private static void storm(String endpoint, String fleetId, Acknowledged acknowledged, Process server)
            throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                try (IamClient iam = iam(endpoint); GameLiftClient gl = gameLift(endpoint);
                     CodeartifactClient ca = codeArtifact(endpoint)) {
                    for (int i = 0; server.isAlive(); i++) {
                        String name = "c" + client + "-" + i;
                        try {
                            switch (i % 4) {
                                case 0 -> {
                                    iam.createUser(r -> r.userName(name));
                                    AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
                                    acknowledged.userKeys.put(name,
                                            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
                                }
                                case 1 -> {
                                    gl.registerCompute(r -> r.fleetId(fleetId).computeName(name)
                                            .ipAddress("10.0.0.1").location("custom-crash"));
                                    acknowledged.computeTokens.put(name, gl.getComputeAuthToken(r -> r.fleetId(fleetId)
                                            .computeName(name)).authToken());
                                }
                                case 2 -> {
                                    ca.createRepository(r -> r.domain("crash").repository(name));
                                    acknowledged.repositoryTokens.put(name, ca.getAuthorizationToken(r -> r
                                            .domain("crash").durationSeconds(900L)).authorizationToken());
                                }
                                default -> acknowledged.computeTokens.putIfAbsent("unused-" + name, "");
                            }
                            if (acknowledged.count.incrementAndGet() == ACKNOWLEDGED_BEFORE_KILL) {
                                server.destroyForcibly(); // SIGKILL, while the other clients are mid-call
                            }
                        } catch (SdkException e) {
                            if (server.isAlive()) {
                                throw e;
                            }
                        }
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }

    private static void checkEverything(String endpoint, String fleetId, Acknowledged acknowledged) throws Exception {
        acknowledged.computeTokens.keySet().removeIf(name -> name.startsWith("unused-"));
        assertThat(acknowledged.userKeys).isNotEmpty();
        assertThat(acknowledged.computeTokens).isNotEmpty();
        assertThat(acknowledged.repositoryTokens).isNotEmpty();
        for (var user : acknowledged.userKeys.entrySet()) {
            try (StsClient sts = sts(endpoint, user.getValue())) {
                assertThat(sts.getCallerIdentity().arn()).as(user.getKey()).endsWith(":user/" + user.getKey());
            }
        }
        try (GameLiftClient gl = gameLift(endpoint)) {
            for (var compute : acknowledged.computeTokens.entrySet()) {
                assertThat(gl.getComputeAuthToken(r -> r.fleetId(fleetId).computeName(compute.getKey())).authToken())
                        .as("the token handed out for %s is still its token", compute.getKey())
                        .isEqualTo(compute.getValue());
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        for (var repository : acknowledged.repositoryTokens.entrySet()) {
            HttpResponse<String> ping = http.send(HttpRequest.newBuilder(URI.create(endpoint
                            + "/codeartifact/crash-111122223333/npm/" + repository.getKey() + "/-/ping"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("aws:"
                            + repository.getValue()).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ping.statusCode()).as("repository %s with its token", repository.getKey()).isEqualTo(200);
        }
    }

    private static Process start(Path dataDir, String storeUrl) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.gatepass.cli.Main", "serve",
                "--port", "0", "--tls-port", "off", "--data-dir", dataDir.toString()));
        if (storeUrl != null) {
            command.addAll(List.of("--store", storeUrl));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GATEPASS_ACCOUNT_ID", "111122223333");
        builder.environment().put("GATEPASS_ADMIN_ACCESS_KEY_ID", ADMIN_ID);
        builder.environment().put("GATEPASS_ADMIN_SECRET_ACCESS_KEY", ADMIN_SECRET);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    private static String readyEndpoint(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("Gatepass ready at ")) {
                return line.substring("Gatepass ready at ".length()).split(" ")[0];
            }
        }
        throw new AssertionError("the server exited before it was ready");
    }

    private static IamClient iam(String endpoint) {
        return IamClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(() -> ADMIN).build();
    }

    private static GameLiftClient gameLift(String endpoint) {
        return GameLiftClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(() -> ADMIN).build();
    }

    private static CodeartifactClient codeArtifact(String endpoint) {
        return CodeartifactClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(() -> ADMIN).build();
    }

    private static StsClient sts(String endpoint, AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(() -> credentials).build();
    }
}
