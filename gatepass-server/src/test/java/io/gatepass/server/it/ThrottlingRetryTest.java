package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import io.gatepass.server.internal.throttling.RateLimit;
import io.gatepass.server.internal.throttling.ThrottlingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.GameLiftException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The AWS SDK for Java v2 and the AWS CLI v2 against a throttled Gatepass behave as against AWS: they recognise the
 * throttling error, back off and retry. The throttled operations get one request per 100 seconds; where a test needs
 * the bucket to refill during the SDK's back-off, it moves the server's clock on when the throttled answer arrives
 * (standing in for the time a real client would wait), so nothing depends on how long the back-off happens to be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottlingRetryTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final RateLimit ONE_PER_100_SECONDS = new RateLimit(0.01, 1);

    private TestServer server;
    private Path work;

    @BeforeAll
    void start(@TempDir Path work) {
        this.work = work;
        ThrottlingSettings throttling = ThrottlingSettings.DEFAULT
                .with("gamelift:DescribeFleetAttributes", ONE_PER_100_SECONDS)
                .with("gamelift:ListFleets", ONE_PER_100_SECONDS)
                .with("gamelift:DescribeFleetUtilization", ONE_PER_100_SECONDS)
                .with("sts:GetCallerIdentity", ONE_PER_100_SECONDS);
        server = TestServer.start(TestServer.config(null, work.resolve("data"), ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withThrottling(throttling));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void javaSdk_standardRetryMode_retriesAThrottledCallAndSucceeds() {
        Attempts attempts = new Attempts(server, true);
        GameLiftClient sdk = standardRetries(attempts);
        sdk.describeFleetAttributes(r -> { });
        attempts.count.set(0);

        assertThat(sdk.describeFleetAttributes(r -> { }).fleetAttributes()).isEmpty();

        assertThat(attempts.count.get()).as("one throttled attempt, then the retry that succeeded").isEqualTo(2);
        assertThat(attempts.throttled.get()).isEqualTo(1);
    }

    @Test
    void javaSdk_standardRetryMode_givesUpAfterThreeAttemptsWithTheThrottlingError() {
        Attempts attempts = new Attempts(server, false);
        GameLiftClient sdk = standardRetries(attempts);
        sdk.listFleets(r -> { });
        attempts.count.set(0);

        GameLiftException error = catchThrowableOfType(() -> sdk.listFleets(r -> { }), GameLiftException.class);

        assertThat(error.isThrottlingException()).isTrue();
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(attempts.count.get()).as("standard mode: 3 attempts").isEqualTo(3);
    }

    @Test
    void awsCli_withOneAttempt_printsTheThrottlingErrorAsItDoesForAws() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws is not installed: skipping");
        assertThat(aws(Map.of("AWS_MAX_ATTEMPTS", "1"), "sts", "get-caller-identity").exitCode()).isZero();

        ToolRun throttled = aws(Map.of("AWS_MAX_ATTEMPTS", "1"), "sts", "get-caller-identity");

        assertThat(throttled.exitCode()).isEqualTo(254);
        assertThat(throttled.stderr().strip()).isEqualTo("An error occurred (Throttling) when calling the "
                + "GetCallerIdentity operation (reached max retries: 0): Rate exceeded");
    }

    @Test
    void awsCli_standardRetryMode_retriesTheThrottledCallTwiceThenGivesUp() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws is not installed: skipping");
        Map<String, String> standard = Map.of("AWS_RETRY_MODE", "standard", "AWS_MAX_ATTEMPTS", "3");
        assertThat(aws(standard, "gamelift", "describe-fleet-utilization").exitCode()).isZero();

        ToolRun throttled = aws(standard, "--debug", "gamelift", "describe-fleet-utilization");

        assertThat(throttled.exitCode()).isEqualTo(254);
        assertThat(throttled.stderr().lines().filter(l -> l.contains("Retry needed, retrying request after delay"))
                .count()).isEqualTo(2);
        assertThat(throttled.stderr()).contains("An error occurred (ThrottlingException) when calling the "
                + "DescribeFleetUtilization operation (reached max retries: 2): Rate exceeded");
    }

    private GameLiftClient standardRetries(ExecutionInterceptor interceptor) {
        return GameLiftClient.builder().endpointOverride(server.endpoint()).region(Region.of(TestServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(TestServer.admin()))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(interceptor)
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    private ToolRun aws(Map<String, String> extraEnv, String... arguments) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("AWS_ACCESS_KEY_ID", TestServer.admin().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", TestServer.admin().secretAccessKey());
        env.put("AWS_DEFAULT_REGION", TestServer.REGION);
        env.put("AWS_CONFIG_FILE", work.resolve("aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-credentials").toString());
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url",
                server.endpoint().toString(), "--output", "json"));
        command.addAll(List.of(arguments));
        return ToolRun.run(work, env, 120, command);
    }

    /** Counts the SDK's attempts; optionally lets 100 seconds pass on the server when an attempt is throttled. */
    private static final class Attempts implements ExecutionInterceptor {
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();
        private final TestServer server;
        private final boolean timePasses;

        Attempts(TestServer server, boolean timePasses) {
            this.server = server;
            this.timePasses = timePasses;
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            count.incrementAndGet();
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            if (context.httpResponse().firstMatchingHeader("x-amzn-ErrorType")
                    .filter("ThrottlingException"::equals).isPresent()) {
                throttled.incrementAndGet();
                if (timePasses) {
                    server.clock().advance(Duration.ofSeconds(100));
                }
            }
        }
    }
}
