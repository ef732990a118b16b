package io.gatepass.cli.internal.aws.call.direct;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * AWS Signature Version 4 in the Authorization header, by the SDK's own signer ({@link AwsV4HttpSigner}, the one the
 * SDK client signs a JSON-protocol request with). A signer of our own (on the SDK's canonical request) was measured
 * against it through {@code ./gatepass}: ~5-10 ms less CPU per cold call, no wall time beyond the noise
 * (docs/benchmarks.md, eighth pass), so the SDK's is the one signer.
 */
final class SigV4 {

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String region;
    private final String service;

    /** @param service the signing name, e.g. "codeartifact" */
    SigV4(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * Adds what the signer adds (x-amz-content-sha256, X-Amz-Date, X-Amz-Security-Token for session credentials,
     * Authorization) to {@code headers}, which hold every other header the request sends (Host included).
     */
    void sign(String method, URI uri, Map<String, List<String>> headers, byte[] body, AwsCredentials credentials,
              Instant now) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = signer.sign(SignRequest.builder(credentials)
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC))
                        .build())
                .request();
        headers.putAll(signed.headers()); // the names put above come back as they were put: no name twice
    }
}
