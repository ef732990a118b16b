package io.gatepass.server.internal.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.Random;

class CanonicalUriTest {

    private static String canonical(String rawPath) {
        ByteSink out = new ByteSink();
        CanonicalUri.write(out, rawPath);
        return out.toString();
    }

    /** What the AWS SDK for Java v2 signs for a wire path (V4CanonicalRequest with normalizePath). */
    private static String sdkNormalized(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        URI uri = URI.create("http://localhost" + rawPath);
        String path = uri.normalize().getRawPath();
        if (path.length() > 1 && !uri.getPath().endsWith("/") && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/|/", "''|/", "/a/b|/a/b", "/a%20b|/a%2520b", "/a b|/a%20b", "/a+b|/a%2Bb", "/a%2Fb|/a%252Fb",
        "/-._~AZaz09|/-._~AZaz09", "/a:b@c!$|/a%3Ab%40c%21%24", "/\u1234|/%E1%88%B4", "/a/./b|/a/b", "/a/b/..|/a",
        "//a//b//|/a/b/", "/..|/..", "/../a|/../a", "/a/../../b|/../b", "/a/.%2E/b|/a/.%252E/b", "/a/b/.|/a/b",
        "/./|/", "/service/GameLift/operation/GetComputeAuthToken|/service/GameLift/operation/GetComputeAuthToken"})
    void write_whenWirePath_givesTheDoubleEncodedNormalizedPath(String rawPath, String expected) {
        assertThat(canonical(rawPath)).isEqualTo(expected);
    }

    @Test
    void normalize_whenRandomPaths_agreesWithTheSdksUriNormalization() {
        String[] pieces = {"a", "b", ".", "..", "/", "//", "%2F", "%2E", "x.", ".y", "...", "%20"};
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder path = new StringBuilder(random.nextBoolean() ? "/" : "//");
            int n = random.nextInt(8);
            for (int j = 0; j < n; j++) {
                path.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    path.append('/');
                }
            }
            String raw = path.toString();
            assertThat(CanonicalUri.normalize(raw)).as(raw).isEqualTo(sdkNormalized(raw));
        }
    }

    @Test
    void normalize_whenNothingToNormalize_returnsTheSameInstance() {
        String path = "/v1/package/%40scope%2Fname/versions";

        assertThat(CanonicalUri.normalize(path)).isSameAs(path);
    }
}
