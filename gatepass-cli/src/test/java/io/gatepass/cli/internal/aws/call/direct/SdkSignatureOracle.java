package io.gatepass.cli.internal.aws.call.direct;

import io.gatepass.cli.internal.aws.call.direct.LoopbackService.Received;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * The Authorization header the SDK's own signer ({@link AwsV4HttpSigner}) gives a received request: the same signed
 * headers (those the sender named in SignedHeaders, but the ones the signer adds itself), the same time (its
 * X-Amz-Date), region and service (its credential scope), the test credentials and the body as payload.
 */
final class SdkSignatureOracle {

    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String SESSION_TOKEN = "session-token-example";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> SIGNER_ADDS = Set.of("authorization", "x-amz-date", "x-amz-security-token",
            "x-amz-content-sha256", "host");

    private SdkSignatureOracle() {
    }

    /** The SDK signer's Authorization for the request as received at {@code endpoint} (scheme://host:port). */
    static String authorization(Received received, String endpoint) {
        String sent = received.header("authorization");
        String scope = sent.substring(sent.indexOf("Credential=") + "Credential=".length(), sent.indexOf(','));
        String[] parts = scope.split("/");
        int start = sent.indexOf("SignedHeaders=") + "SignedHeaders=".length();
        List<String> signed = List.of(sent.substring(start, sent.indexOf(',', start)).split(";"));
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(received.method()))
                .uri(URI.create(endpoint + received.rawPath()
                        + (received.rawQuery() == null ? "" : "?" + received.rawQuery())));
        for (String name : signed) {
            if (!SIGNER_ADDS.contains(name)) {
                request.putHeader(name, received.headers().get(name));
            }
        }
        AwsCredentialsIdentity credentials = received.header("x-amz-security-token") == null
                ? AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY)
                : AwsSessionCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN);
        Instant time = Instant.from(STAMP.parse(received.header("x-amz-date")));
        SignRequest<AwsCredentialsIdentity> sign = SignRequest.builder(credentials)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(received.body()))
                .putProperty(AwsV4HttpSigner.REGION_NAME, parts[2])
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, parts[3])
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC))
                .build();
        return AwsV4HttpSigner.create().sign(sign).request().firstMatchingHeader("Authorization").orElseThrow();
    }
}
