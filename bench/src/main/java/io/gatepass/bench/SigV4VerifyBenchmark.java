package io.gatepass.bench;

import io.gatepass.server.internal.auth.sigv4.RequestHeaders;
import io.gatepass.server.internal.auth.sigv4.ScopePolicy;
import io.gatepass.server.internal.auth.sigv4.SigV4Verifier;
import io.gatepass.server.internal.auth.sigv4.SignedRequest;
import io.gatepass.server.internal.auth.sigv4.SigningSecret;
import io.gatepass.server.internal.auth.sigv4.SigningSecrets;
import io.gatepass.server.internal.auth.sigv4.VerifiedRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time per SigV4 verification ({@link SigV4Verifier#verify}) of requests signed by the AWS SDK for Java v2's own
 * signer, at a fixed clock: a query-protocol POST with a session token, an awsJson1_1 POST and a presigned GET with the
 * signing key cached, and the query-protocol POST with the signing key derived every time (no key cache). The secret
 * lookup is a map-free lambda, so this measures the verifier, not a store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SigV4VerifyBenchmark {
    private static final String REGION = "us-west-2";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final AwsCredentialsIdentity LONG_TERM =
            AwsCredentialsIdentity.create("AKIAGATEPASSBENCH001", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final AwsSessionCredentialsIdentity TEMPORARY = AwsSessionCredentialsIdentity.create(
            "ASIAGATEPASSBENCH002", "9drTJvcXLB89EXAMPLELB8923FB892xMFI", "IQoJb3JpZ2luX2VjEXAMPLE//token/with+slashes=");

    private SigV4Verifier<String> cached;
    private SigV4Verifier<String> uncached;
    private SignedRequest queryWithSessionToken;
    private SignedRequest awsJson;
    private SignedRequest presignedGet;

    @Setup
    public void setUp() {
        queryWithSessionToken = sign(request("POST")
                        .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                "Action=GetCallerIdentity&Version=2011-06-15", TEMPORARY, "sts", null);
        awsJson = sign(request("POST")
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("X-Amz-Target", "GameLift.GetComputeAuthToken"),
                "{\"FleetId\":\"fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa\",\"ComputeName\":\"compute-1\"}",
                LONG_TERM, "gamelift", null);
        presignedGet = sign(request("GET").putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15"), null, LONG_TERM, "sts", Duration.ofMinutes(5));
        SigningSecrets<String> secrets = (key, token) -> new SigningSecret<>(
                key.equals(LONG_TERM.accessKeyId()) ? LONG_TERM.secretAccessKey() : TEMPORARY.secretAccessKey(), key);
        ScopePolicy policy = ScopePolicy.awsCompatible(REGION, List.of("sts", "iam", "gamelift", "codeartifact"));
        cached = new SigV4Verifier<>(policy, secrets, CLOCK);
        uncached = new SigV4Verifier<>(policy, secrets, CLOCK, 0);
        for (SignedRequest each : List.of(queryWithSessionToken, awsJson, presignedGet)) {
            cached.verify(each); // throws if the benchmark's own requests were refused
        }
    }

    @Benchmark
    public VerifiedRequest<String> queryProtocolSessionTokenCachedKey() {
        return cached.verify(queryWithSessionToken);
    }

    @Benchmark
    public VerifiedRequest<String> awsJsonCachedKey() {
        return cached.verify(awsJson);
    }

    @Benchmark
    public VerifiedRequest<String> presignedGetCachedKey() {
        return cached.verify(presignedGet);
    }

    @Benchmark
    public VerifiedRequest<String> queryProtocolKeyDerivedEachTime() {
        return uncached.verify(queryWithSessionToken);
    }

    private static SdkHttpFullRequest.Builder request(String method) {
        return SdkHttpFullRequest.builder().protocol("http").host("localhost").port(8080)
                .method(SdkHttpMethod.fromValue(method)).encodedPath("/");
    }

    /** Signs with the SDK's signer at {@link #NOW}; presigned (query string) when {@code expires} is not null. */
    private static SignedRequest sign(SdkHttpFullRequest.Builder request, String body,
                                      AwsCredentialsIdentity credentials, String service, Duration expires) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SignRequest.Builder<AwsCredentialsIdentity> builder = SignRequest.builder(credentials)
                .request(request.build())
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, CLOCK)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION,
                        expires == null ? AuthLocation.HEADER : AuthLocation.QUERY_STRING);
        if (body != null) {
            builder.payload(ContentStreamProvider.fromByteArray(bytes));
        }
        if (expires != null) {
            builder.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires);
        }
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(builder.build()).request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
        return SignedRequest.of(signed.method().name(), signed.encodedPath(),
                signed.encodedQueryParameters().orElse(null), RequestHeaders.of(headers), bytes);
    }
}
