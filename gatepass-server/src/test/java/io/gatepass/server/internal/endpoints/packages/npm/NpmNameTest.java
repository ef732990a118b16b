package io.gatepass.server.internal.endpoints.packages.npm;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NpmNameTest {
    private static final long SEED = 214L;

    @Test
    void parse_whenValid_splitsScopeAndName() {
        assertThat(NpmName.parse("lodash")).contains(new NpmName(null, "lodash"));
        assertThat(NpmName.parse("@types/node")).contains(new NpmName("types", "node"));
        assertThat(NpmName.parse("a.b-c_d~e")).contains(new NpmName(null, "a.b-c_d~e"));
        assertThat(new NpmName("types", "node").tarball("1.0.0")).isEqualTo("node-1.0.0.tgz");
        assertThat(new NpmName("types", "node").full()).isEqualTo("@types/node");
    }

    @Test
    void parse_whenInvalid_isEmpty() {
        for (String name : new String[]{"", "Upper", ".hidden", "_under", "has space", "@scope", "@/x", "@s/",
                "a/b", "@a/b/c", "é", "x".repeat(215)}) {
            assertThat(NpmName.parse(name)).as(name).isEmpty();
        }
    }

    /** Names built from the allowed alphabet round-trip through full(). */
    @Test
    void parse_whenGivenGeneratedNames_roundTripsThroughFull() {
        Random random = new Random(SEED);
        String first = "abcxyz0189-~";
        String rest = first + "._";
        for (int i = 0; i < 5_000; i++) {
            String scope = random.nextBoolean() ? null : part(random, first, rest, 1 + random.nextInt(20));
            String name = part(random, first, rest, 1 + random.nextInt(40));
            NpmName expected = new NpmName(scope, name);

            assertThat(NpmName.parse(expected.full())).as("seed %d case %d", SEED, i).contains(expected);
        }
    }

    private static String part(Random random, String first, String rest, int length) {
        StringBuilder out = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        while (out.length() < length) {
            out.append(rest.charAt(random.nextInt(rest.length())));
        }
        return out.toString();
    }
}
