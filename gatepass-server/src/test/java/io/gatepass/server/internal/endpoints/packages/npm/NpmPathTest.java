package io.gatepass.server.internal.endpoints.packages.npm;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NpmPathTest {
    private static final long SEED = 42_2026L;

    @Test
    void parse_whenPackumentPaths_readsEscapedAndPlainScopes() {
        assertThat(NpmPath.parse("lodash")).isEqualTo(new NpmPath.Packument("lodash"));
        assertThat(NpmPath.parse("@types%2fnode")).isEqualTo(new NpmPath.Packument("@types/node"));
        assertThat(NpmPath.parse("@types%2Fnode")).isEqualTo(new NpmPath.Packument("@types/node"));
        assertThat(NpmPath.parse("@types/node")).isEqualTo(new NpmPath.Packument("@types/node"));
    }

    @Test
    void parse_whenTarballPaths_acceptsTheRegistryAndThePublishForms() {
        assertThat(NpmPath.parse("lodash/-/lodash-4.17.21.tgz"))
                .isEqualTo(new NpmPath.Tarball("lodash", "lodash-4.17.21.tgz"));
        assertThat(NpmPath.parse("@types/node/-/node-20.1.0.tgz"))
                .isEqualTo(new NpmPath.Tarball("@types/node", "node-20.1.0.tgz"));
        assertThat(NpmPath.parse("@types%2fnode/-/@types/node-20.1.0.tgz"))
                .isEqualTo(new NpmPath.Tarball("@types/node", "node-20.1.0.tgz"));
        assertThat(NpmPath.parse("@types%2fnode/-/@types%2fnode-20.1.0.tgz"))
                .isEqualTo(new NpmPath.Tarball("@types/node", "node-20.1.0.tgz"));
    }

    @Test
    void parse_whenSpecialPaths_namesWhatTheyAre() {
        assertThat(NpmPath.parse("-/ping")).isEqualTo(new NpmPath.Ping());
        assertThat(NpmPath.parse("-/package/@a%2fb/dist-tags")).isEqualTo(new NpmPath.DistTags("@a/b", null));
        assertThat(NpmPath.parse("-/package/lib/dist-tags/next")).isEqualTo(new NpmPath.DistTags("lib", "next"));
        assertThat(NpmPath.parse("lib/1.0.0")).isEqualTo(new NpmPath.VersionManifest("lib", "1.0.0"));
        assertThat(NpmPath.parse("lib/-rev/3-abc")).isEqualTo(new NpmPath.Unpublish("lib"));
        assertThat(NpmPath.parse("-/user/org.couchdb.user:bob")).isInstanceOf(NpmPath.Unsupported.class);
        assertThat(NpmPath.parse("-/whoami")).isInstanceOf(NpmPath.Unsupported.class);
        assertThat(NpmPath.parse("-/npm/v1/tokens")).isEqualTo(new NpmPath.Unsupported("npm token"));
        assertThat(NpmPath.parse("-/npm/v1/security/advisories/bulk")).isEqualTo(new NpmPath.Unsupported("npm audit"));
        assertThat(NpmPath.parse("")).isEqualTo(new NpmPath.Unknown());
        assertThat(NpmPath.parse("bad%2")).isEqualTo(new NpmPath.Unknown());
    }

    /** Whatever the path, parsing never throws: a fuzz over npm-ish characters. */
    @Test
    void parse_whenGivenRandomPaths_neverThrows() {
        Random random = new Random(SEED);
        String alphabet = "ab@%2f/-._~1F.tgz";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(NpmPath.parse(path.toString())).as("seed %d case %d", SEED, i).isNotNull();
        }
    }
}
