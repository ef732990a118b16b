package io.gatepass.cli.internal.aws.call.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.internal.aws.call.ResponseJson;
import io.gatepass.cli.internal.aws.call.ServiceCall;
import io.gatepass.cli.internal.aws.call.ServiceClients;
import io.gatepass.cli.internal.aws.call.direct.LoopbackService.Answer;
import io.gatepass.cli.internal.aws.call.direct.LoopbackService.Received;
import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.config.GlobalOptions;
import io.gatepass.cli.internal.aws.model.AwsService;
import io.gatepass.cli.internal.aws.model.OperationModel;
import io.gatepass.cli.internal.aws.params.RequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The direct JSON-protocol call against the SDK client it replaces, for every non-streaming operation of the JSON
 * services the command line ships (CodeArtifact restJson1, GameLift awsJson1_1), with seeded random parameters,
 * responses and error responses: the same HTTP request (method, path, query, JSON body, signed header set, every
 * header's value but the invocation id, date and signature, User-Agent included; every request's signature is the SDK
 * signer's for it), the same output JSON, the same CliException; and the same retries and connection errors.
 */
class DirectCallEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20261207L;
    private static final Set<String> VOLATILE = Set.of("x-amz-date", "amz-sdk-invocation-id", "authorization");

    private static LoopbackService service;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws IOException {
        service = new LoopbackService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyJsonOperationSendsTheSdkRequestAndReadsItsResponse() throws Exception {
        RandomShapes random = new RandomShapes(SEED);
        int compared = 0;
        for (AwsService each : List.of(AwsService.CODEARTIFACT, AwsService.GAMELIFT)) {
            Paths paths = paths(each, Map.of());
            try (paths) {
                for (String cliName : each.operations().keySet()) {
                    OperationModel operation = each.operation(cliName).orElseThrow();
                    if (operation.streaming()) {
                        continue;
                    }
                    for (int round = 0; round < 3; round++) {
                        ObjectNode parameters = random.parameters(operation.input(), 0);
                        Map<String, String> headers = new LinkedHashMap<>();
                        headers.put("Content-Type", "application/json");
                        ObjectNode body = random.body(operation.output(), headers, 0);
                        Answer answer = new Answer(200, headers, JSON.writeValueAsBytes(body));
                        Outcome sdk = paths.sdk(operation, parameters, answer);
                        Outcome direct = paths.direct(operation, parameters, answer);
                        String what = cliName + " " + parameters;
                        assertThat(sdk.requests()).as(what + ": " + sdk.failure()).isNotEmpty();
                        assertSameRequest(what, sdk.requests().get(0), direct.requests().get(0));
                        assertThat(direct.output()).as(what).isEqualTo(sdk.output());
                        assertThat(direct.failure()).as(what).isNull();
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(400);
    }

    @Test
    void theUserAgentNamesTheRetryModeCredentialsAndAppIdAsTheSdkClientDoes() throws Exception {
        java.nio.file.Files.writeString(home.resolve("config"), "[default]\nsdk_ua_app_id = bench-app\n");
        OperationModel operation = AwsService.GAMELIFT.operation("describe-fleet-attributes").orElseThrow();
        for (boolean unsigned : List.of(false, true)) {
            for (String mode : List.of("standard")) { // aws v2 has no other mode the direct call takes
                Paths paths = new Paths(config(service.endpoint(), Map.of("AWS_RETRY_MODE", mode), unsigned),
                        AwsService.GAMELIFT);
                try (paths) {
                    Answer answer = new Answer(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
                    Received sdk = paths.sdk(operation, JSON.createObjectNode(), answer).requests().get(0);
                    Received direct = paths.direct(operation, JSON.createObjectNode(), answer).requests().get(0);
                    String what = mode + (unsigned ? " unsigned" : " signed");
                    assertThat(sdk.header("user-agent")).as(what).contains(" app/bench-app")
                            .contains(" api/GameLift#").contains(" m/E,N");
                    assertThat(direct.headers().keySet()).as(what).isEqualTo(sdk.headers().keySet());
                    for (String header : sdk.headers().keySet()) {
                        if (!VOLATILE.contains(header)) {
                            assertThat(direct.header(header)).as(what + " " + header).isEqualTo(sdk.header(header));
                        }
                    }
                }
            }
        }
    }

    @Test
    void errorResponsesBecomeTheSameCliException() throws Exception {
        RandomShapes random = new RandomShapes(SEED + 1);
        int compared = 0;
        for (AwsService each : List.of(AwsService.CODEARTIFACT, AwsService.GAMELIFT)) {
            Paths paths = paths(each, Map.of("AWS_MAX_ATTEMPTS", "1"));
            try (paths) {
                for (String cliName : each.operations().keySet()) {
                    OperationModel operation = each.operation(cliName).orElseThrow();
                    if (operation.streaming()) {
                        continue;
                    }
                    ObjectNode parameters = random.parameters(operation.input(), 0);
                    Answer answer = errorAnswer(random);
                    Outcome sdk = paths.sdk(operation, parameters, answer);
                    Outcome direct = paths.direct(operation, parameters, answer);
                    String what = cliName + " " + answer.status() + " " + answer.headers() + " "
                            + new String(answer.body(), StandardCharsets.UTF_8);
                    assertThat(sdk.failure()).as(what).isNotNull();
                    assertThat(direct.failure()).as(what).isNotNull();
                    assertThat(direct.failure().exitCode()).as(what).isEqualTo(sdk.failure().exitCode());
                    assertThat(direct.failure().stderrText()).as(what).isEqualTo(sdk.failure().stderrText());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    void aFailedAttemptIsRetriedAsTheSdkRetriesIt() throws Exception {
        try (Paths paths = paths(AwsService.CODEARTIFACT, Map.of())) {
            OperationModel operation = AwsService.CODEARTIFACT.operation("list-domains").orElseThrow();
            ObjectNode none = JSON.createObjectNode();
            for (Function<Paths, Outcome> path : List.<Function<Paths, Outcome>>of(
                    p -> p.sdk(operation, none, null), p -> p.direct(operation, none, null))) {
                service.take();
                service.answer(new Answer(503, Map.of(), "{\"message\":\"busy\"}".getBytes(StandardCharsets.UTF_8)));
                service.answer(new Answer(200, Map.of(), "{\"domains\":[]}".getBytes(StandardCharsets.UTF_8)));
                Outcome outcome = path.apply(paths);
                assertThat(outcome.failure()).isNull();
                assertThat(outcome.output().toString()).isEqualTo("{\"domains\":[]}");
                assertThat(outcome.requests()).extracting(r -> r.header("amz-sdk-request"))
                        .containsExactly("attempt=1; max=3", "attempt=2; max=3");
                assertThat(outcome.requests()).extracting(Received::clientPort).as("one keep-alive connection")
                        .containsOnly(outcome.requests().get(0).clientPort());
            }
        }
    }

    /**
     * The calls of one command (its pages) share one retry token bucket, as an SDK client's calls do: once the
     * retries of failing calls have spent it (standard mode: 500, 5 a retry), a failed call is not retried.
     */
    @Test
    void aCommandsCallsShareOneRetryTokenBucketAsTheSdkClientsCallsDo() throws Exception {
        OperationModel operation = AwsService.CODEARTIFACT.operation("list-domains").orElseThrow();
        Map<String, Integer> callsUntilNoRetry = new HashMap<>();
        Map<String, List<Integer>> requests = new HashMap<>();
        for (String path : List.of("sdk", "direct")) {
            try (Paths paths = paths(AwsService.CODEARTIFACT, Map.of("AWS_MAX_ATTEMPTS", "2"))) {
                ServiceCall call = path.equals("sdk")
                        ? new ServiceCall(operation, paths.client, null, paths.requests, paths.responses, "eu-west-1")
                        : new ServiceCall(operation, null, ServiceCall.direct(operation, paths.config).orElseThrow(),
                        paths.requests, paths.responses, "eu-west-1");
                service.take();
                for (int calls = 1; calls <= 120 && !callsUntilNoRetry.containsKey(path); calls++) {
                    for (int attempt = 0; attempt < 2; attempt++) {
                        service.answer(new Answer(500, Map.of(), "{\"message\":\"down\"}".getBytes(
                                StandardCharsets.UTF_8)));
                    }
                    CliException failure = catchThrowableOfType(CliException.class,
                            () -> call.call(JSON.createObjectNode()));
                    assertThat(failure).as(path + " call " + calls).isNotNull();
                    int sent = service.take().size();
                    requests.computeIfAbsent(path, p -> new ArrayList<>()).add(sent);
                    if (sent == 1) {
                        callsUntilNoRetry.put(path, calls);
                    }
                }
            }
        }
        assertThat(callsUntilNoRetry.get("sdk")).as("requests of each call: %s", requests).isEqualTo(101);
        assertThat(callsUntilNoRetry.get("direct")).isEqualTo(callsUntilNoRetry.get("sdk"));
    }

    /** As aws 2.9.19 sends them: {@code POST /prefix} (awsJson, request URI "/"), {@code /prefix/v1/domains}. */
    @Test
    void anEndpointWithAPathGetsTheRequestsAtThePathsAwsSends() throws Exception {
        for (AwsService each : List.of(AwsService.GAMELIFT, AwsService.CODEARTIFACT)) {
            OperationModel operation = each.operation(each == AwsService.GAMELIFT ? "list-fleets" : "list-domains")
                    .orElseThrow();
            String expected = each == AwsService.GAMELIFT ? "/prefix" : "/prefix/v1/domains";
            try (Paths paths = new Paths(config(service.endpoint() + "/prefix", Map.of()), each)) {
                Answer answer = new Answer(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
                Outcome sdk = paths.sdk(operation, JSON.createObjectNode(), answer);
                Outcome direct = paths.direct(operation, JSON.createObjectNode(), answer);
                assertThat(sdk.failure()).isNull();
                assertThat(direct.failure()).isNull();
                assertThat(sdk.requests()).extracting(Received::rawPath).as("sdk").containsExactly(expected);
                assertThat(direct.requests()).extracting(Received::rawPath).as("direct").containsExactly(expected);
            }
        }
    }

    /**
     * botocore's standard mode retries {@code LimitExceededException} as a throttling error, which the SDK's lists
     * lack: aws 2.9.19 sends 3 requests and prints the retry note; both paths do the same.
     */
    @Test
    void aLimitExceededErrorIsRetriedAsAwsRetriesIt() throws Exception {
        OperationModel operation = AwsService.GAMELIFT.operation("list-fleets").orElseThrow();
        try (Paths paths = paths(AwsService.GAMELIFT, Map.of())) {
            for (Function<Paths, Outcome> path : List.<Function<Paths, Outcome>>of(
                    p -> p.sdk(operation, JSON.createObjectNode(), null),
                    p -> p.direct(operation, JSON.createObjectNode(), null))) {
                service.take();
                for (int attempt = 0; attempt < 3; attempt++) {
                    service.answer(new Answer(400, Map.of(), ("{\"__type\":\"LimitExceededException\","
                            + "\"message\":\"too many\"}").getBytes(StandardCharsets.UTF_8)));
                }
                Outcome outcome = path.apply(paths);
                assertThat(outcome.requests()).hasSize(3);
                assertThat(outcome.failure().stderrText()).isEqualTo("\nAn error occurred (LimitExceededException) "
                        + "when calling the ListFleets operation (reached max retries: 2): too many\n");
            }
        }
    }

    @Test
    void aClockSkewErrorIsRetriedSignedWithTheServicesTime() throws Exception {
        OperationModel operation = AwsService.CODEARTIFACT.operation("list-domains").orElseThrow();
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").withZone(ZoneOffset.UTC);
        for (String path : List.of("sdk", "direct")) {
            Instant serviceTime = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
            try (SkewedService skewed = new SkewedService(serviceTime);
                 Paths paths = new Paths(config(skewed.endpoint(), Map.of()), AwsService.CODEARTIFACT)) {
                ObjectNode none = JSON.createObjectNode();
                Outcome outcome = path.equals("sdk") ? paths.sdk(operation, none, null)
                        : paths.direct(operation, none, null);
                assertThat(outcome.failure()).as(path).isNull();
                List<Instant> signed = skewed.amzDates().stream().map(d -> Instant.from(stamp.parse(d))).toList();
                assertThat(signed).as(path).hasSize(2);
                assertThat(Duration.between(signed.get(0), serviceTime)).as(path).isGreaterThan(Duration.ofMinutes(9));
                assertThat(Duration.between(signed.get(1), serviceTime).abs()).as(path)
                        .isLessThan(Duration.ofMinutes(1));
            }
        }
    }

    @Test
    void anUnreadableSuccessResponseGivesTheSameOutcome() throws Exception {
        try (Paths paths = paths(AwsService.CODEARTIFACT, Map.of())) {
            OperationModel operation = AwsService.CODEARTIFACT.operation("list-domains").orElseThrow();
            ObjectNode none = JSON.createObjectNode();
            int failed = 0;
            for (String body : List.of("<html><body>a captive portal</body></html>", "{\"domains\":[",
                    "{\"domains\":\"x\"}", "{\"domains\":[{\"createdTime\":\"soon\"}]}", "[1,2]")) {
                Answer answer = new Answer(200, Map.of("Content-Type", "text/html"),
                        body.getBytes(StandardCharsets.UTF_8));
                Outcome sdk = paths.sdk(operation, none, answer);
                Outcome direct = paths.direct(operation, none, answer);
                assertThat(String.valueOf(direct.output())).as("%s: %s / %s", body, text(sdk), text(direct))
                        .isEqualTo(String.valueOf(sdk.output()));
                assertThat(direct.failure() == null).as(body).isEqualTo(sdk.failure() == null);
                if (sdk.failure() != null) {
                    failed++;
                    assertThat(direct.failure().exitCode()).as(body).isEqualTo(sdk.failure().exitCode());
                    assertThat(direct.failure().stderrText()).as(body).isEqualTo(sdk.failure().stderrText())
                            .contains("Unable to unmarshall response (")
                            .contains("Response Code: 200, Response Text: OK");
                }
            }
            assertThat(failed).isPositive();
        }
    }

    @Test
    void anUnreachableEndpointFailsWithTheSameMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Paths paths = new Paths(config("http://127.0.0.1:" + closedPort, Map.of("AWS_MAX_ATTEMPTS", "2")),
                AwsService.CODEARTIFACT);
        try (paths) {
            OperationModel operation = AwsService.CODEARTIFACT.operation("get-authorization-token").orElseThrow();
            ObjectNode parameters = JSON.createObjectNode().put("domain", "bench").put("durationSeconds", 900);
            CliException sdk = paths.sdk(operation, parameters, null).failure();
            CliException direct = paths.direct(operation, parameters, null).failure();
            assertThat(direct.exitCode()).isEqualTo(255).isEqualTo(sdk.exitCode());
            assertThat(direct.stderrText()).isEqualTo(sdk.stderrText())
                    .contains("Could not connect to the endpoint URL: \"http://127.0.0.1:" + closedPort
                            + "/v1/authorization-token?domain=bench&duration=900\"");
        }
    }

    private static String text(Outcome outcome) {
        return outcome.failure() == null ? "no failure" : outcome.failure().stderrText();
    }

    private static Answer errorAnswer(RandomShapes random) {
        int[] statuses = {400, 403, 404, 409, 429, 500, 503};
        int status = statuses[random.random().nextInt(statuses.length)];
        String code = "Some" + random.plain() + "Exception";
        String message = "went wrong: " + random.plain();
        Map<String, String> headers = new HashMap<>();
        String body = switch (random.random().nextInt(6)) {
            case 0 -> "{\"__type\":\"com.amazonaws.svc#" + code + "\",\"message\":\"" + message + "\"}";
            case 1 -> "{\"__type\":\"" + code + "\",\"Message\":\"" + message + "\"}";
            case 2 -> {
                headers.put("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/");
                yield "{\"message\":\"" + message + "\"}";
            }
            case 3 -> "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}";
            case 4 -> "";
            default -> "<html>" + message + "</html>";
        };
        return new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSameRequest(String what, Received sdk, Received direct) throws IOException {
        assertThat(direct.method()).as(what).isEqualTo(sdk.method());
        assertThat(direct.rawPath()).as(what).isEqualTo(sdk.rawPath());
        assertThat(direct.rawQuery()).as(what).isEqualTo(sdk.rawQuery());
        if (sdk.body().length == 0) {
            assertThat(direct.body()).as(what).isEmpty();
        } else {
            assertThat(JSON.readTree(direct.body())).as(what).isEqualTo(JSON.readTree(sdk.body()));
        }
        assertThat(signedHeaders(direct)).as(what).isEqualTo(signedHeaders(sdk));
        assertThat(direct.headers().keySet()).as(what + ": header names").isEqualTo(sdk.headers().keySet());
        for (String header : sdk.headers().keySet()) {
            if (!VOLATILE.contains(header)) {
                assertThat(direct.header(header)).as(what + " header " + header).isEqualTo(sdk.header(header));
            }
        }
        assertThat(direct.header("authorization")).as(what).startsWith(sdk.header("authorization")
                .substring(0, sdk.header("authorization").indexOf('/') + 1));
    }

    private static Set<String> signedHeaders(Received request) {
        String authorization = request.header("authorization");
        assertThat(authorization).isNotNull();
        int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
        return new TreeSet<>(List.of(authorization.substring(start, authorization.indexOf(',', start)).split(";")));
    }

    private Paths paths(AwsService each, Map<String, String> env) {
        return new Paths(config(service.endpoint(), env), each);
    }

    private CliConfig config(String endpoint, Map<String, String> extra) {
        return config(endpoint, extra, false);
    }

    private CliConfig config(String endpoint, Map<String, String> extra, boolean noSignRequest) {
        Map<String, String> env = new HashMap<>(extra);
        env.putIfAbsent("AWS_SESSION_TOKEN", "session-token-example");
        return TestConfigs.config(home, endpoint, env, noSignRequest);
    }

    /** What one call gave: the requests the service received, the output JSON or the failure. */
    record Outcome(List<Received> requests, JsonNode output, CliException failure) {
    }

    /** The two ways of calling one service's operations, on the same configuration. */
    private static final class Paths implements AutoCloseable {

        private final CliConfig config;
        private final SdkClient client;
        private final ResponseJson responses = new ResponseJson(ZoneOffset.UTC, false, true);
        private final RequestBuilder requests = new RequestBuilder("base64");

        Paths(CliConfig config, AwsService each) {
            this.config = config;
            this.client = ServiceClients.create(each, config);
        }

        Outcome sdk(OperationModel operation, ObjectNode parameters, Answer answer) {
            return run(new ServiceCall(operation, client, null, requests, responses, "eu-west-1"), parameters,
                    answer);
        }

        Outcome direct(OperationModel operation, ObjectNode parameters, Answer answer) {
            DirectCall direct = ServiceCall.direct(operation, config).orElseThrow();
            return run(new ServiceCall(operation, null, direct, requests, responses, "eu-west-1"), parameters,
                    answer);
        }

        private static Outcome run(ServiceCall call, ObjectNode parameters, Answer answer) {
            if (answer != null) {
                service.take();
                service.answer(answer);
            }
            JsonNode output = null;
            CliException failure = null;
            try {
                output = call.call(parameters.deepCopy());
            } catch (CliException e) {
                failure = e;
            }
            List<Received> requests = new ArrayList<>(service.take());
            for (Received request : requests.stream().filter(r -> r.header("authorization") != null).toList()) {
                assertThat(request.header("authorization")).as(request.method() + " " + request.rawPath())
                        .isEqualTo(SdkSignatureOracle.authorization(request, service.endpoint()));
            }
            return new Outcome(requests, output, failure);
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
