package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.server.internal.endpoints.packages.pypi.PypiPath.ProjectFile;
import io.gatepass.server.internal.endpoints.packages.pypi.PypiPath.ProjectList;
import io.gatepass.server.internal.endpoints.packages.pypi.PypiPath.ProjectPage;
import io.gatepass.server.internal.endpoints.packages.pypi.PypiPath.Redirect;
import io.gatepass.server.internal.endpoints.packages.pypi.PypiPath.RepositoryRoot;
import io.gatepass.server.internal.endpoints.packages.pypi.PypiPath.Unknown;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PypiPathTest {
    private static final long SEED = 20261206L;

    @Test
    void parse_knownPaths_whatTheyName() {
        assertThat(PypiPath.parse("")).isEqualTo(new RepositoryRoot());
        assertThat(PypiPath.parse("/")).isEqualTo(new RepositoryRoot());
        assertThat(PypiPath.parse("legacy/")).isEqualTo(new RepositoryRoot());
        assertThat(PypiPath.parse("simple/")).isEqualTo(new ProjectList());
        assertThat(PypiPath.parse("/simple/")).isEqualTo(new ProjectList());
        assertThat(PypiPath.parse("simple/requests/")).isEqualTo(new ProjectPage("requests"));
        assertThat(PypiPath.parse("simple/tiny-pkg/1.0/tiny_pkg-1.0-py3-none-any.whl"))
                .isEqualTo(new ProjectFile("tiny-pkg", "1.0", "tiny_pkg-1.0-py3-none-any.whl"));
        assertThat(PypiPath.parse("simple/tiny-pkg/1.0%2Blocal/tiny_pkg-1.0%2Blocal.tar.gz"))
                .isEqualTo(new ProjectFile("tiny-pkg", "1.0+local", "tiny_pkg-1.0+local.tar.gz"));
        assertThat(PypiPath.parse("simple/Tiny_Pkg/1.0/tiny_pkg-1.0.tar.gz"))
                .isEqualTo(new ProjectFile("tiny-pkg", "1.0", "tiny_pkg-1.0.tar.gz"));
    }

    @Test
    void parse_nonCanonicalProjectPages_redirectToTheNormalizedPage() {
        assertThat(PypiPath.parse("simple")).isEqualTo(new Redirect("simple/"));
        assertThat(PypiPath.parse("simple/requests")).isEqualTo(new Redirect("requests/"));
        assertThat(PypiPath.parse("simple/Tiny_Pkg/")).isEqualTo(new Redirect("../tiny-pkg/"));
        assertThat(PypiPath.parse("simple/Tiny.Pkg")).isEqualTo(new Redirect("tiny-pkg/"));
    }

    @Test
    void parse_redirectLocations_resolveToTheCanonicalUrl() {
        URI base = URI.create("http://h/codeartifact/team-111122223333/pypi/libs/");
        for (String path : new String[] {"simple", "simple/Tiny_Pkg", "simple/Tiny_Pkg/", "simple/tiny-pkg"}) {
            Redirect redirect = (Redirect) PypiPath.parse(path);
            URI resolved = base.resolve(path).resolve(redirect.location());
            assertThat(resolved.toString()).as(path).isIn(base + "simple/", base + "simple/tiny-pkg/");
        }
    }

    @Test
    void parse_otherPaths_unknown() {
        for (String path : new String[] {"simple/-bad-/", "simple/a/b/", "simple/a/1.0/", "simple/a/../x",
            "simple/a/1.0/..", "simple/a/1.0/x/y", "simple/%zz/", "simple/a/%C0%AF/f", "simple/a/1.0/a%2Fb",
            "packages/x", "json/x", "simple/a/1.0/%00"}) {
            assertThat(PypiPath.parse(path)).as(path).isEqualTo(new Unknown());
        }
    }

    @Test
    void parse_randomFileLinksAsRendered_roundTrip() {
        Random random = new Random(SEED);
        String versionChars = "0123456789.abcrpostdev+!_-";
        String fileChars = "abcdefghijklmnopqrstuvwxyzABC0123456789._+!-";
        for (int i = 0; i < 3_000; i++) {
            String version = "1" + random(random, versionChars, 10);
            String filename = "p" + random(random, fileChars, 30) + ".whl";
            SimpleFile file = new SimpleFile(filename, version, "00", 1, Instant.EPOCH, null);
            PypiPath parsed = PypiPath.parse("simple/proj-x/" + file.relativeUrl());
            assertThat(parsed).as("seed %d case %d: %s", SEED, i, file.relativeUrl())
                    .isEqualTo(new ProjectFile("proj-x", version, filename));
        }
    }

    @Test
    void parse_randomBytes_neverThrows() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder(random.nextBoolean() ? "simple/" : "");
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                path.append(random.nextInt(4) == 0 ? "/%".charAt(random.nextInt(2)) : (char) random.nextInt(0x300));
            }
            assertThat(PypiPath.parse(path.toString())).as("seed %d case %d", SEED + 1, i).isNotNull();
        }
    }

    private static String random(Random random, String alphabet, int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
