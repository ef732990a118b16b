package io.gatepass.server.fuzz;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs a (possibly mutated) request with the AWS SDK's own SigV4 signer, so that mutations reach the codecs instead
 * of stopping at the signature check. A request the signer cannot take (a target that is no URI) goes unsigned.
 */
public final class FuzzSigner {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final String host;
    private final String region;
    private final AwsCredentialsIdentity identity;
    private final Clock clock;

    public FuzzSigner(String host, String region, String accessKeyId, String secretAccessKey, Clock clock) {
        this.host = host;
        this.region = region;
        this.identity = AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
        this.clock = clock;
    }

    /** Signed in the query string (presigned), valid for five minutes; the target carries the signature. */
    public RawRequest presign(RawRequest request, String service) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(request.method()))
                .uri(URI.create("http://" + host + request.target()));
        request.headers().forEach(h -> builder.appendHeader(h.getKey(), h.getValue()));
        SdkHttpRequest signed = SIGNER.sign(r -> r.identity(identity).request(builder.build())
                .payload(ContentStreamProvider.fromByteArray(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, java.time.Duration.ofMinutes(5))).request();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        signed.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        return new RawRequest(request.method(), signed.encodedPath() + signed.encodedQueryParameters()
                .map(q -> "?" + q).orElse(""), headers, request.body());
    }

    public RawRequest sign(RawRequest request, String service) {
        SdkHttpRequest signed;
        try {
            URI uri = URI.create("http://" + host + request.target());
            if (!host.equals(uri.getRawAuthority())) {
                return request;
            }
            SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                    .method(SdkHttpMethod.fromValue(request.method())).uri(uri);
            request.headers().forEach(h -> builder.appendHeader(h.getKey(), h.getValue()));
            signed = SIGNER.sign(r -> r.identity(identity).request(builder.build())
                    .payload(ContentStreamProvider.fromByteArray(request.body()))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
        } catch (RuntimeException e) {
            return request; // a target the SDK cannot take as a URI goes unsigned
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        signed.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        return new RawRequest(request.method(), request.target(), headers, request.body());
    }
}
