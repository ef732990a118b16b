package io.gatepass.cli.internal.aws.config;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers from botocore 1.43 (SigV4Auth on the same request, time and keys): the given hash is what is signed.
 */
class GivenContentHashSignerTest {

    private static final String URL = "http://127.0.0.1:9700/v1/package/version/publish?domain=team&repository=libs"
            + "&format=generic&namespace=ns&package=p&version=1.0&asset=a.zip";
    private static final String GIVEN = "0".repeat(64);

    private static SignRequest<AwsCredentialsIdentity> request(SdkHttpRequest http) {
        return SignRequest.builder(AwsCredentialsIdentity.create("AKIDEXAMPLE",
                        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
                .request(http)
                .payload(ContentStreamProvider.fromUtf8String("hello"))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codeartifact")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK,
                        Clock.fixed(Instant.parse("2026-12-06T10:11:12Z"), ZoneOffset.UTC))
                .build();
    }

    @Test
    void sign_whenTheRequestCarriesItsContentHash_signsThatHashAsBotocoreDoes() {
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(URL))
                .putHeader("x-amz-content-sha256", GIVEN).build();

        SignedRequest signed = new GivenContentHashSigner().sign(request(http));

        assertThat(signed.request().firstMatchingHeader("Authorization")).contains("AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20261206/us-east-1/codeartifact/aws4_request, "
                + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
                + "Signature=6668595dd88d3c5e6be44160cea2c1fb1e712be357f9776a15d47d286f7f2bd6");
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).contains(GIVEN);
        assertThat(signed.payload()).isPresent();
    }

    @Test
    void sign_withoutAContentHash_isTheSdksSignature() {
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(URL)).build();

        SignedRequest ours = new GivenContentHashSigner().sign(request(http));
        SignedRequest sdk = AwsV4HttpSigner.create().sign(request(http));

        assertThat(ours.request().headers()).isEqualTo(sdk.request().headers());
        assertThat(ours.request().firstMatchingHeader("Authorization")).isPresent();
    }
}
