package io.gatepass.cli.internal.aws.call.direct;

import io.gatepass.cli.internal.aws.config.EndpointPath;
import io.gatepass.cli.internal.aws.config.ServiceRoute;
import io.gatepass.cli.internal.aws.model.OperationModel;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.http.Crc32Validation;
import software.amazon.awssdk.core.useragent.BusinessMetricFeatureId;
import software.amazon.awssdk.core.retry.ClockSkew;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A call of a JSON-protocol operation (CodeArtifact's restJson1, GameLift's awsJson1_1) without an SDK client: the
 * SDK's own marshaller writes the request ({@link JsonCodec}), {@link SigV4} signs it, {@link WireExchange} sends it,
 * and the SDK's unmarshallers read the answer. It fails as the SDK client fails: {@link AwsServiceException} for a
 * service error, {@link SdkClientException} (with the I/O failure as its cause) when the endpoint cannot be reached,
 * after the retries the configured retry mode allows (the SDK's own retry strategy decides them).
 */
public final class DirectCall {

    private final JsonCodec codec;
    private final ServiceRoute route;
    private final SigV4 signer;
    private final WireExchange wire;
    private final String userAgent;
    private final Clock clock;
    private final Consumer<URI> sent;
    /** The local clock's lead on the service's, in seconds, learnt from a clock-skew error (the SDK's time offset). */
    private volatile int timeOffset;
    /**
     * The retry strategy of all the calls of this command (its pages), as an SDK client keeps one: its token bucket
     * spans them. Built when an attempt first fails.
     */
    private RetryStrategy retries;

    DirectCall(JsonCodec codec, ServiceRoute route, String signingName, String apiMetadata, Clock clock,
               Consumer<URI> sent) {
        this.codec = codec;
        this.route = route;
        this.signer = new SigV4(route.region(), signingName);
        this.wire = new WireExchange(route.connections());
        this.userAgent = UserAgent.of(apiMetadata, route.appId(), businessMetrics(route));
        this.clock = clock;
        this.sent = sent;
    }

    /**
     * The direct call of an operation that can take one ({@code ServiceCall#direct} decides: a JSON-protocol service,
     * no streamed body), given a route ({@code route} is empty when the configuration needs the SDK client).
     *
     * @param sent told the URL of each request before it is sent
     */
    public static Optional<DirectCall> of(OperationModel operation, Optional<ServiceRoute> route, Consumer<URI> sent) {
        if (route.isEmpty()) {
            return Optional.empty();
        }
        JsonCodec codec = JsonCodec.of(operation.service(), route.get().endpoint(), operation.requestClass(),
                operation.responseClass());
        return Optional.of(new DirectCall(codec, route.get(), operation.service().cliName(),
                operation.service().apiMetadata(), Clock.systemUTC(), sent));
    }

    /**
     * The business metrics the SDK client's User-Agent reports for such a call, in its order: the retry mode, the
     * endpoint override (a direct call always has one), the credentials' source as the SDK's credentials provider
     * names it (the anonymous provider's name for an unsigned call).
     */
    private static List<String> businessMetrics(ServiceRoute route) {
        List<String> metrics = new ArrayList<>(3);
        switch (route.retryMode()) {
            case LEGACY -> metrics.add(BusinessMetricFeatureId.RETRY_MODE_LEGACY.value());
            case ADAPTIVE, ADAPTIVE_V2 -> metrics.add(BusinessMetricFeatureId.RETRY_MODE_ADAPTIVE.value());
            default -> metrics.add(BusinessMetricFeatureId.RETRY_MODE_STANDARD.value());
        }
        metrics.add(BusinessMetricFeatureId.ENDPOINT_OVERRIDE.value());
        AwsCredentials credentials = route.credentials() != null ? route.credentials()
                : AnonymousCredentialsProvider.create().resolveCredentials(); // --no-sign-request, as the SDK's
        credentials.providerName().filter(name -> !name.isBlank()).ifPresent(metrics::add);
        return metrics;
    }

    /**
     * Initialises what every direct call needs first (the SDK's JSON protocol factory and marshalling classes, its
     * User-Agent; the SDK's signer, SHA-256 and HmacSHA256, by signing a made-up request), for {@code ClientWarmUp}'s
     * second thread.
     */
    public static void warmUp() {
        JsonCodec.warmUp();
        UserAgent.of("warm-up#0", null, List.of()); // the SDK's system User-Agent: JVM, OS and language metadata
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("localhost"));
        new SigV4("us-east-1", "gatepass").sign("POST", URI.create("http://localhost/"), headers, new byte[0],
                AwsBasicCredentials.create("warm-up", "warm-up"), Instant.EPOCH);
    }

    /** The attempts in all the retry mode allows. */
    public int maxAttempts() {
        return route.maxAttempts();
    }

    /** The endpoint requests go to. */
    public URI endpoint() {
        return route.endpoint();
    }

    /** Sends the SDK request object and returns the SDK response object, retrying as the SDK would. */
    public SdkPojo call(Object request) {
        SdkHttpFullRequest marshalled = codec.marshall(request);
        String path = EndpointPath.of(route.endpoint(), marshalled.encodedPath());
        if (!path.equals(marshalled.encodedPath())) {
            marshalled = marshalled.toBuilder().encodedPath(path).build(); // as aws joins endpoint and path
        }
        URI uri = marshalled.getUri();
        byte[] body = marshalled.contentStreamProvider().map(DirectCall::read).orElse(null);
        String invocationId = UUID.randomUUID().toString();
        RetryToken token = null;
        for (int attempt = 1; ; attempt++) {
            SdkException failure;
            Duration suggestedDelay = Duration.ZERO;
            try {
                WireExchange.Response response = wire.send(marshalled.method().name(), uri,
                        headers(marshalled, uri, body, invocationId, attempt), body);
                SdkHttpFullResponse full = SdkHttpFullResponse.builder().statusCode(response.status())
                        .statusText(response.statusText()).headers(response.headers())
                        .content(AbortableInputStream.create(new ByteArrayInputStream(response.body()))).build();
                if (full.isSuccessful()) {
                    try {
                        // as the SDK client's handler: a gzip Content-Encoding decoded, an x-amz-crc32 checked
                        SdkPojo result = codec.response(Crc32Validation.validate(false, full), timeOffset);
                        if (token != null) {
                            retries.recordSuccess(RecordSuccessRequest.create(token)); // as the SDK: tokens back
                        }
                        return result;
                    } catch (IOException e) {
                        throw e;
                    } catch (Exception e) {
                        failure = unreadable(e, "Unable to unmarshall response (" + e.getMessage()
                                + "). Response Code: " + full.statusCode() + ", Response Text: "
                                + full.statusText().orElse(null));
                    }
                } else {
                    try {
                        failure = codec.error(full, timeOffset);
                    } catch (IOException e) {
                        throw e;
                    } catch (Exception e) {
                        failure = SdkClientException.builder().message(String.format("Unable to unmarshall error "
                                        + "response (%s). Response Code: %d, Response Text: %s", e.getMessage(),
                                full.statusCode(), full.statusText().orElse("null"))).cause(e).build();
                    }
                    adjustClock(failure, full);
                    suggestedDelay = retryAfter(full);
                }
            } catch (IOException e) {
                failure = SdkClientException.builder().message("Unable to execute HTTP request: " + e.getMessage())
                        .cause(e).build();
            }
            if (token == null) {
                if (retries == null) {
                    retries = route.retries().get();
                }
                token = retries.acquireInitialToken(AcquireInitialTokenRequest.create("gatepass")).token();
            }
            try {
                RefreshRetryTokenResponse next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(token).failure(failure).suggestedDelay(suggestedDelay).build());
                token = next.token();
                sleep(next.delay().toMillis(), failure);
            } catch (TokenAcquisitionFailedException e) {
                throw failure.toBuilder().numAttempts(attempt).build(); // as the SDK: "(SDK Attempt Count: n)"
            }
        }
    }

    /** As the SDK's response handler: a retryable SDK failure as it is, any other wrapped with {@code message}. */
    private static SdkException unreadable(Exception e, String message) {
        if (e instanceof SdkException sdk && sdk.retryable()) {
            return sdk;
        }
        return SdkClientException.builder().message(message).cause(e).build();
    }

    /**
     * As the SDK's retry stage: an error response's {@code Retry-After} in whole seconds is the retry strategy's
     * suggested delay (the strategy waits at least that long); a value that is not a whole number is ignored.
     */
    private static Duration retryAfter(SdkHttpFullResponse response) {
        Optional<String> value = response.firstMatchingHeader("Retry-After");
        if (value.isPresent()) {
            try {
                return Duration.ofSeconds(Integer.parseInt(value.get()));
            } catch (NumberFormatException e) {
                return Duration.ZERO;
            }
        }
        return Duration.ZERO;
    }

    /**
     * As the SDK's retry stage does: after a clock-skew error (RetryUtils decides it as the SDK does), the offset
     * between the local clock and the service's Date header; later attempts are signed with the service's time.
     */
    private void adjustClock(SdkException failure, SdkHttpFullResponse response) {
        if (RetryUtils.isClockSkewException(failure)) {
            Instant serverTime = ClockSkew.getServerTime(response).orElse(null);
            long seconds = ClockSkew.getClockSkew(clock.instant(), serverTime).getSeconds();
            if (seconds == (int) seconds) {
                timeOffset = (int) seconds;
            }
        }
    }

    /** The marshaller's headers and what the SDK's pipeline adds, then the signature. */
    private Map<String, List<String>> headers(SdkHttpFullRequest marshalled, URI uri, byte[] body,
                                              String invocationId, int attempt) {
        Map<String, List<String>> headers = new LinkedHashMap<>(marshalled.headers());
        int port = uri.getPort();
        boolean standardPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
        headers.put("Host", List.of(standardPort ? uri.getHost() : uri.getHost() + ":" + port));
        headers.put("amz-sdk-invocation-id", List.of(invocationId));
        headers.put("amz-sdk-request", List.of("attempt=" + attempt + "; max=" + route.maxAttempts()));
        if (body != null) {
            headers.put("Content-Length", List.of(Integer.toString(body.length)));
        }
        headers.put("User-Agent", List.of(userAgent));
        sent.accept(uri);
        if (route.credentials() != null) {
            signer.sign(marshalled.method().name(), uri, headers, body == null ? new byte[0] : body,
                    route.credentials(), clock.instant().minusSeconds(timeOffset));
        }
        return headers;
    }

    private static byte[] read(software.amazon.awssdk.http.ContentStreamProvider content) {
        try (InputStream in = content.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis, SdkException failure) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
