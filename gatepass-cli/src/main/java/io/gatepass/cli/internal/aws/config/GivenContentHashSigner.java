package io.gatepass.cli.internal.aws.config;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigner;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * SigV4 as botocore signs: a request that already carries {@code x-amz-content-sha256} is signed with that value as
 * its payload hash, and the header is sent as given. Only CodeArtifact's PublishPackageVersion sets it (its
 * {@code --asset-sha256} travels in that header), so aws sends the hash the user gave, and a wrong one is the
 * service's error; the SDK's own signer would hash the body and overwrite the header, hiding the mistake. Every other
 * request goes to the SDK's signer unchanged.
 *
 * <p>Signing with a given hash uses the SDK's own header signer ({@code V4RequestSigner.header}, from its
 * {@code internal} package, pinned with the SDK version), so canonicalization is exactly the SDK's.
 */
final class GivenContentHashSigner implements AwsV4HttpSigner {

    private static final String CONTENT_HASH = "x-amz-content-sha256";

    private final AwsV4HttpSigner sdk = AwsV4HttpSigner.create();

    /** The SigV4 auth scheme with this signer, for a client builder's {@code putAuthScheme}. */
    static AwsV4AuthScheme authScheme() {
        AwsV4AuthScheme sdkScheme = AwsV4AuthScheme.create();
        GivenContentHashSigner signer = new GivenContentHashSigner();
        return new AwsV4AuthScheme() {
            @Override
            public String schemeId() {
                return sdkScheme.schemeId();
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return sdkScheme.identityProvider(providers);
            }

            @Override
            public AwsV4HttpSigner signer() {
                return signer;
            }
        };
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        Optional<String> given = request.request().firstMatchingHeader(CONTENT_HASH);
        if (given.isEmpty() || request.identity().secretAccessKey() == null) {
            return sdk.sign(request);
        }
        Clock clock = request.requireProperty(SIGNING_CLOCK, Clock.systemUTC());
        V4Properties properties = V4Properties.builder()
                .credentials(request.identity())
                .credentialScope(new CredentialScope(request.requireProperty(REGION_NAME),
                        request.requireProperty(SERVICE_SIGNING_NAME), clock.instant()))
                .signingClock(clock)
                .doubleUrlEncode(request.requireProperty(DOUBLE_URL_ENCODE, true))
                .normalizePath(request.requireProperty(NORMALIZE_PATH, true))
                .build();
        SdkHttpRequest.Builder signed = V4RequestSigner.header(properties).sign(request.request().toBuilder())
                .getSignedRequest();
        return SignedRequest.builder().request(signed.build()).payload(request.payload().orElse(null)).build();
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return sdk.signAsync(request);
    }
}
