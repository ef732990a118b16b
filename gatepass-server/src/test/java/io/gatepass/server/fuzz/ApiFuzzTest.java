package io.gatepass.server.fuzz;

import io.gatepass.server.internal.api.BoundOperation;
import io.gatepass.server.fuzz.SeedRequests.Seed;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutation fuzzing of every operation in every protocol (query for STS and IAM, awsJson1_1 and rpcv2Cbor for
 * GameLift, restJson for CodeArtifact), against a real server. The valid requests come from the server's own
 * operation table ({@link SeedRequests}); each mutation is signed again with the SDK's signer so that it reaches the
 * codec and the handler. Every answer must be a 2xx or a 4xx in the protocol's AWS shape, within the client's
 * timeout and bounded in size, and the server must be healthy afterwards.
 *
 * <p>{@code -Dgatepass.fuzz.iterations=N} mutations per seed (default 3), {@code -Dgatepass.fuzz.seed=S}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFuzzTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final FuzzSettings SETTINGS = FuzzSettings.current(3);
    private static final Set<String> DESTRUCTIVE = Set.of("Delete", "Deregister", "Terminate", "Dispose", "Update");

    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;
    static RawHttp http;
    static FuzzSigner signer;
    static List<Seed> seeds;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
        http = new RawHttp(server.server().port(), TIMEOUT);
        signer = new FuzzSigner(http.host(), TestServer.REGION, TestServer.ADMIN_ID, TestServer.ADMIN_SECRET,
                server.clock());
        seeds = new SeedRequests(server.server().operations(), server.server().restRoutes(), fixture(),
                server.clock().instant()).all().stream()
                // the operations that remove the fixture come last, so the others see it
                .sorted(Comparator.comparing(s -> DESTRUCTIVE.stream().anyMatch(s.id()::contains)))
                .toList();
    }

    /** Real resources for the members the seeds name, keyed by input record component. */
    private static Map<String, Object> fixture() {
        Map<String, Object> samples = new LinkedHashMap<>();
        var iam = server.iam(TestServer.admin());
        iam.createUser(r -> r.userName("fuzz-user"));
        samples.put("userName", "fuzz-user");
        samples.put("accessKeyId", iam.createAccessKey(r -> r.userName("fuzz-user")).accessKey().accessKeyId());
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + TestServer.ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        samples.put("roleArn", iam.createRole(r -> r.roleName("fuzz-role").assumeRolePolicyDocument(trust)).role()
                .arn());
        samples.put("roleName", "fuzz-role");
        samples.put("roleSessionName", "fuzz-session");
        samples.put("assumeRolePolicyDocument", trust);
        samples.put("policyName", "fuzz-policy");
        samples.put("policyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"gamelift:ListFleets\",\"Resource\":\"*\"}]}");
        samples.put("path", "/");
        samples.put("pathPrefix", "/");

        GameLiftClient gameLift = server.gameLift(TestServer.admin());
        gameLift.createLocation(r -> r.locationName("custom-fuzz"));
        String fleetId = gameLift.createFleet(r -> r.name("fuzz-fleet").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-fuzz"))).fleetAttributes().fleetId();
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("fuzz-compute").ipAddress("10.0.0.1")
                .location("custom-fuzz"));
        samples.put("fleetId", fleetId);
        samples.put("fleetIds", List.of(fleetId));
        samples.put("computeName", "fuzz-compute");
        samples.put("locationName", "custom-fuzz");
        samples.put("location", "custom-fuzz");
        samples.put("ipAddress", "10.0.0.2");
        samples.put("name", "fuzz-name");
        samples.put("computeType", "ANYWHERE");

        var codeArtifact = server.codeArtifact(TestServer.admin());
        codeArtifact.createDomain(r -> r.domain("fuzz-domain"));
        codeArtifact.createRepository(r -> r.domain("fuzz-domain").repository("fuzz-repo"));
        samples.put("domain", "fuzz-domain");
        samples.put("domainOwner", TestServer.ACCOUNT);
        samples.put("repository", "fuzz-repo");
        samples.put("format", "npm");
        samples.put("packageName", "fuzz-package");
        samples.put("packageVersion", "1.0.0");
        samples.put("versions", List.of("1.0.0"));
        samples.put("asset", "fuzz-package-1.0.0.tgz");
        samples.put("status", "Active");
        samples.put("playerId", "player-1");
        samples.put("playerIds", List.of("player-1"));
        samples.put("maximumPlayerSessionCount", 2);
        samples.put("terminationMode", "TRIGGER_ON_PROCESS_TERMINATE");
        return samples;
    }

    @Test
    void seeds_coverEveryOperationInEveryProtocolItsServiceSpeaks() {
        Set<String> protocols = seeds.stream().map(Seed::protocol).collect(Collectors.toSet());
        assertThat(protocols).containsExactlyInAnyOrder("query", "awsJson1_1", "rpcv2Cbor", "restJson");
        for (BoundOperation<?, ?> operation : server.server().operations().all()) {
            String id = operation.service().signingName() + "." + operation.name() + "/";
            assertThat(seeds).as(id).anyMatch(s -> s.id().contains(":" + id));
        }
    }

    @Test
    @Order(1) // on the fresh fixture, before the mutations delete or change it
    void seeds_unmutated_succeedOrAreRefusedInTheProtocolShape() throws Exception {
        Findings findings = new Findings("api-seeds");
        int succeeded = 0;
        for (Seed seed : seeds) {
            RawHttp.Response response = send(findings, seed.id(), seed, seed.request());
            if (response != null && response.status() / 100 == 2) {
                succeeded++;
            }
        }
        findings.assertNone();
        System.out.println("api-seeds: " + succeeded + " of " + seeds.size() + " unmutated seeds succeeded");
        // the "known" seeds of the read operations, at least, must be valid requests
        assertThat(succeeded).isGreaterThanOrEqualTo(seeds.size() / 4);
    }

    @Test
    void mutatedBodies_signed_areAnsweredWithin4xxInShape() throws Exception {
        Findings findings = new Findings("api-bodies");
        Mutator mutator = Mutator.forApiBodies();
        for (Seed seed : seeds) {
            Random random = SETTINGS.random(seed.id());
            for (int i = 0; i < SETTINGS.iterations(); i++) {
                RawRequest request = seed.request();
                if (request.body().length == 0 || random.nextInt(4) == 0) {
                    request = request.withTarget(mutator.mutate(request.target(), random));
                } else {
                    request = request.withBody(mutator.mutate(request.body(), random));
                }
                send(findings, SETTINGS.replay(seed.id(), i), seed, request);
            }
        }
        findings.assertNone();
    }

    @Test
    void mutatedSignatures_areRefusedInShape() throws Exception {
        Findings findings = new Findings("api-sigv4");
        Mutator mutator = new Mutator(List.of(",", " ", "=", "/", "Credential=", "SignedHeaders=", "Signature=",
                "AWS4-HMAC-SHA256", "aws4_request", ";", "host", "\t", "%", "\u00ff", "//", "x-amz-date"));
        List<String> touched = List.of("Authorization", "X-Amz-Date", "X-Amz-Content-Sha256", "Host");
        for (Seed seed : seeds.stream().filter(s -> s.id().endsWith("/known")).toList()) {
            Random random = SETTINGS.random("sigv4 " + seed.id());
            RawRequest signed = signer.sign(seed.request(), seed.signingService());
            for (int i = 0; i < SETTINGS.iterations(); i++) {
                String header = touched.get(random.nextInt(touched.size()));
                String value = signed.header(header);
                RawRequest request = switch (random.nextInt(4)) {
                    case 0 -> signed.withHeader(header, null);
                    case 1 -> signed.plusHeader(header, value == null ? "x" : value);
                    default -> signed.withHeader(header, value == null ? "x" : clean(mutator.mutate(value, random)));
                };
                check(findings, SETTINGS.replay("sigv4 " + seed.id(), i), request, null);
            }
        }
        findings.assertNone();
    }

    @Test
    void mutatedPresignedQueries_areRefusedInShape() throws Exception {
        Findings findings = new Findings("api-presigned");
        Mutator mutator = new Mutator(List.of("&", "=", "%", "%ZZ", "%2F", "X-Amz-Signature=", "X-Amz-Credential=",
                "X-Amz-SignedHeaders=", "X-Amz-Date=", "X-Amz-Expires=", "X-Amz-Algorithm=", "AWS4-HMAC-SHA256",
                "aws4_request", "-1", "99999999999", "host", "%3B", "\u00ff"));
        List<RawRequest> presigned = List.of(
                signer.presign(new RawRequest("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", List.of(),
                        new byte[0]), "sts"),
                signer.presign(new RawRequest("GET", "/?Action=ListUsers&Version=2010-05-08", List.of(),
                        new byte[0]), "iam"),
                signer.presign(new RawRequest("POST", "/v1/domains", List.of(), new byte[0]), "codeartifact"));
        for (RawRequest valid : presigned) {
            RawHttp.Response unmutated = check(findings, "presigned " + valid.target(), valid, null);
            assertThat(unmutated.status()).as(valid.target() + " => " + unmutated).isEqualTo(200);
            Random random = SETTINGS.random("presigned " + valid.path());
            for (int i = 0; i < SETTINGS.iterations() * 20; i++) {
                String target = clean(mutator.mutate(valid.target(), random)).replace(' ', '+');
                check(findings, SETTINGS.replay("presigned " + valid.path(), i), valid.withTarget(target), null);
            }
        }
        findings.assertNone();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterFuzzing_serverIsHealthyAndItsMemoryBounded() throws Exception {
        RawHttp.Response health = http.exchange(new RawRequest("GET", "/health", List.of(), new byte[0]));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).contains("\"status\":\"UP\"");
        assertThat(server.sts(TestServer.admin()).getCallerIdentity().account()).isEqualTo(TestServer.ACCOUNT);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long used = runtime.totalMemory() - runtime.freeMemory();
        assertThat(used).as("heap in use after fuzzing (server and tests share the JVM)")
                .isLessThan(runtime.maxMemory() * 3 / 4);
    }

    /** Header values cannot hold line breaks on the wire without starting a new header; keep them to one line. */
    private static String clean(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    private RawHttp.Response send(Findings findings, String where, Seed seed, RawRequest unsigned) throws Exception {
        return check(findings, where, signer.sign(unsigned, seed.signingService()), seed.signingService(),
                unsigned);
    }

    private RawHttp.Response check(Findings findings, String where, RawRequest request, String signFor)
            throws Exception {
        return check(findings, where, request, signFor, request);
    }

    private RawHttp.Response check(Findings findings, String where, RawRequest request, String signFor,
                                   RawRequest unsigned) throws Exception {
        RawHttp.Response response;
        try {
            response = http.exchange(request);
        } catch (RawHttp.Hang e) {
            findings.add(where, "hang: " + e.getMessage(), unsigned, signFor, null);
            return null;
        }
        String problem = AwsShape.problem(request, response);
        if (problem == null && response.body().length > 16_384 + 2 * request.body().length) {
            problem = "an answer of " + response.body().length + " bytes to a request of " + request.body().length;
        }
        if (problem != null) {
            findings.add(where, problem, unsigned, signFor, response);
        }
        return response;
    }
}
