package io.gatepass.server.internal.auth.sigv4;

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

/** Signs requests with the AWS SDK for Java v2's own SigV4 signer and turns them into what the wire would carry. */
final class SdkSigning {
    static final String ACCESS_KEY_ID = "AKIAGATEPASSTEST0001";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String TEMP_ACCESS_KEY_ID = "ASIAGATEPASSTEST0002";
    static final String TEMP_SECRET = "9drTJvcXLB89EXAMPLELB8923FB892xMFI";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/with+slashes=";
    static final String REGION = "us-west-2";
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ScopePolicy POLICY =
            ScopePolicy.awsCompatible(REGION, List.of("sts", "iam", "gamelift", "codeartifact"));

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SdkSigning() {
    }

    static AwsCredentialsIdentity longTerm() {
        return AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET);
    }

    static AwsCredentialsIdentity temporary() {
        return AwsSessionCredentialsIdentity.create(TEMP_ACCESS_KEY_ID, TEMP_SECRET, SESSION_TOKEN);
    }

    /** A request builder for http://localhost:8080 with the given method and wire path. */
    static SdkHttpFullRequest.Builder request(String method, String encodedPath) {
        return SdkHttpFullRequest.builder().protocol("http").host("localhost").port(8080)
                .method(SdkHttpMethod.fromValue(method)).encodedPath(encodedPath);
    }

    static Signing signing(SdkHttpFullRequest.Builder request, String body) {
        return new Signing(request.build(), body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static Signing signing(SdkHttpFullRequest.Builder request, byte[] body) {
        return new Signing(request.build(), body);
    }

    /** How to sign one request; defaults: long-term key, {@link #REGION}, service sts, header form, at {@link #NOW}. */
    static final class Signing {
        private final SdkHttpFullRequest request;
        private final byte[] body;
        private AwsCredentialsIdentity credentials = longTerm();
        private String region = REGION;
        private String service = "sts";
        private Instant at = NOW;
        private AuthLocation location = AuthLocation.HEADER;
        private Duration expires;
        private Boolean payloadSigning;

        private Signing(SdkHttpFullRequest request, byte[] body) {
            this.request = request;
            this.body = body;
        }

        Signing credentials(AwsCredentialsIdentity value) {
            credentials = value;
            return this;
        }

        Signing region(String value) {
            region = value;
            return this;
        }

        Signing service(String value) {
            service = value;
            return this;
        }

        Signing at(Instant value) {
            at = value;
            return this;
        }

        /** Presigned, with X-Amz-Expires when {@code value} is not null. */
        Signing presigned(Duration value) {
            location = AuthLocation.QUERY_STRING;
            expires = value;
            return this;
        }

        Signing payloadSigning(boolean value) {
            payloadSigning = value;
            return this;
        }

        Wire sign() {
            SignRequest.Builder<AwsCredentialsIdentity> builder = SignRequest.builder(credentials)
                    .request(request)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, location);
            if (body != null) {
                builder.payload(ContentStreamProvider.fromByteArray(body));
            }
            if (expires != null) {
                builder.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires);
            }
            if (payloadSigning != null) {
                builder.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning);
            }
            SdkHttpRequest signed = SIGNER.sign(builder.build()).request();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            signed.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
            return new Wire(signed.method().name(), signed.encodedPath(),
                    signed.encodedQueryParameters().orElse(null), headers, body == null ? new byte[0] : body);
        }
    }

    /**
     * A request as it would arrive: method, wire path and query, headers (names as the SDK spelled them), body.
     * Mutable copies make single changes easy.
     */
    record Wire(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        SignedRequest toSignedRequest() {
            return SignedRequest.of(method, path, query, RequestHeaders.of(headers), body);
        }

        Wire withMethod(String value) {
            return new Wire(value, path, query, headers, body);
        }

        Wire withPath(String value) {
            return new Wire(method, value, query, headers, body);
        }

        Wire withQuery(String value) {
            return new Wire(method, path, value, headers, body);
        }

        Wire withBody(byte[] value) {
            return new Wire(method, path, query, headers, value);
        }

        /** A copy with the header (matched case-insensitively) set to the values, or removed when none. */
        Wire withHeader(String name, String... values) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((k, v) -> {
                if (!k.equalsIgnoreCase(name)) {
                    copy.put(k, v);
                }
            });
            if (values.length > 0) {
                copy.put(name, List.of(values));
            }
            return new Wire(method, path, query, copy, body);
        }

        /** The value of a header, matched case-insensitively, or null. */
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The signed header names, from the Authorization header or X-Amz-SignedHeaders. */
        List<String> signedHeaders() {
            String authorization = header("Authorization");
            String list;
            if (authorization != null) {
                int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
                list = authorization.substring(start, authorization.indexOf(',', start));
            } else {
                int start = query.indexOf("X-Amz-SignedHeaders=") + "X-Amz-SignedHeaders=".length();
                int end = query.indexOf('&', start);
                list = QueryParameters.decode(query.substring(start, end < 0 ? query.length() : end));
            }
            return List.of(list.split(";"));
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " " + headers + " body="
                    + new String(body, StandardCharsets.UTF_8);
        }
    }
}
