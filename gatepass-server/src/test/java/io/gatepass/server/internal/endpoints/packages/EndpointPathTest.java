package io.gatepass.server.internal.endpoints.packages;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointPathTest {
    private static final long SEED = 611_2026L;
    private static final String DOMAIN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";
    private static final String REPO_CHARS = "ABCxyz0123456789._-";

    @Test
    void parse_whenTheEndpointShape_splitsDomainOwnerFormatRepositoryAndRawRest() {
        assertThat(EndpointPath.parse("/codeartifact/my-team-123456789012/npm/libs/@scope%2fname"))
                .contains(new EndpointPath("my-team", "123456789012", "npm", "libs", "@scope%2fname"));
        assertThat(EndpointPath.parse("/codeartifact/team-123456789012/maven/libs"))
                .contains(new EndpointPath("team", "123456789012", "maven", "libs", ""));
        assertThat(EndpointPath.parse("/codeartifact/team-123456789012/pypi/libs/simple/"))
                .map(EndpointPath::rest).contains("simple/");
    }

    @Test
    void parse_whenNotTheShape_isEmpty() {
        for (String path : new String[]{"/codeartifact/", "/codeartifact/team", "/codeartifact/team-12/npm/libs/",
                "/codeartifact/Team-123456789012/npm/libs/", "/codeartifact/team-123456789012//libs/",
                "/codeartifact/team-123456789012/npm/l/", "/codeartifact/team-123456789012/npm/.libs/",
                "/codeartifact/team--123456789012/npm/libs/x", "/v1/domain", "/codeartifact/-123456789012/npm/r1/"}) {
            assertThat(EndpointPath.parse(path)).as(path).isEmpty();
        }
    }

    /** Any valid domain, owner and repository, as GetRepositoryEndpoint writes them, parse back to themselves. */
    @Test
    void parse_whenGivenGeneratedEndpoints_roundTrips() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            String domain = domain(random);
            String owner = String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
            String repository = repository(random);
            String rest = random.nextBoolean() ? "" : "a/b%2Fc/" + i;
            String path = "/codeartifact/" + domain + "-" + owner + "/npm/" + repository + "/" + rest;

            Optional<EndpointPath> parsed = EndpointPath.parse(path);

            assertThat(parsed).as("seed %d case %d: %s", SEED, i, path)
                    .contains(new EndpointPath(domain, owner, "npm", repository, rest));
        }
    }

    private static String domain(Random random) {
        int length = 2 + random.nextInt(49);
        StringBuilder out = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        while (out.length() < length - 1) {
            out.append(DOMAIN_CHARS.charAt(random.nextInt(DOMAIN_CHARS.length())));
        }
        return out.append((char) ('0' + random.nextInt(10))).toString();
    }

    private static String repository(Random random) {
        int length = 2 + random.nextInt(99);
        StringBuilder out = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        while (out.length() < length) {
            out.append(REPO_CHARS.charAt(random.nextInt(REPO_CHARS.length())));
        }
        return out.toString();
    }
}
