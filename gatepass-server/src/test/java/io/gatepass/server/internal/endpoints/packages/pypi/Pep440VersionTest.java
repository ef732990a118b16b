package io.gatepass.server.internal.endpoints.packages.pypi;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Pep440VersionTest {
    private static final long SEED = 20261206L;

    @Test
    void normalize_alternativeSpellings_canonicalForm() {
        assertThat(Pep440Version.normalize("1.0")).contains("1.0");
        assertThat(Pep440Version.normalize("v1.0")).contains("1.0");
        assertThat(Pep440Version.normalize("1.0-Alpha_1")).contains("1.0a1");
        assertThat(Pep440Version.normalize("1.0.beta")).contains("1.0b0");
        assertThat(Pep440Version.normalize("1.0c2")).contains("1.0rc2");
        assertThat(Pep440Version.normalize("1.0preview3")).contains("1.0rc3");
        assertThat(Pep440Version.normalize("1.0-1")).contains("1.0.post1");
        assertThat(Pep440Version.normalize("1.0-r2")).contains("1.0.post2");
        assertThat(Pep440Version.normalize("1.0.rev")).contains("1.0.post0");
        assertThat(Pep440Version.normalize("1.0-dev")).contains("1.0.dev0");
        assertThat(Pep440Version.normalize("0!01.002")).contains("1.2");
        assertThat(Pep440Version.normalize("2!1.0")).contains("2!1.0");
        assertThat(Pep440Version.normalize("1.0+Ubuntu-1")).contains("1.0+ubuntu.1");
        assertThat(Pep440Version.normalize(" 1.0 ")).contains("1.0");
    }

    @Test
    void parse_notPep440_empty() {
        for (String text : new String[] {"", "abc", "1.0.", ".1", "1..0", "1.0+", "1.0+a..b", "1.0-", "1_0",
            "1.0 beta", "latest", "1.0a1a2", "1" + "0".repeat(200)}) {
            assertThat(Pep440Version.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void compareTo_pep440SummaryOrder_ascending() {
        List<String> ordered = List.of("1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
                "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1",
                "2!0.1");
        Random random = new Random(SEED);
        for (int i = 0; i < 200; i++) {
            List<Pep440Version> shuffled = new ArrayList<>(ordered.stream()
                    .map(v -> Pep440Version.parse(v).orElseThrow()).toList());
            Collections.shuffle(shuffled, random);
            Collections.sort(shuffled);
            assertThat(shuffled.stream().map(Pep440Version::toString).toList()).as("seed %d case %d", SEED, i)
                    .isEqualTo(ordered);
        }
        assertThat(Pep440Version.parse("1.0").orElseThrow().compareTo(Pep440Version.parse("1.0.0").orElseThrow()))
                .isZero();
    }

    @Test
    void normalize_randomVersions_idempotentAndOrderPreserving() {
        Random random = new Random(SEED + 1);
        String[] pre = {"", "a", "b", "rc", "alpha", "beta", "c", "pre", "preview"};
        String[] seps = {"", ".", "-", "_"};
        for (int i = 0; i < 3_000; i++) {
            StringBuilder v = new StringBuilder(random.nextBoolean() ? "v" : "");
            v.append(random.nextInt(20));
            for (int r = random.nextInt(3); r > 0; r--) {
                v.append('.').append(random.nextInt(20));
            }
            String label = pre[random.nextInt(pre.length)];
            if (!label.isEmpty()) {
                v.append(seps[random.nextInt(4)]).append(label).append(random.nextBoolean() ? random.nextInt(9) : "");
            }
            if (random.nextInt(3) == 0) {
                v.append(seps[1 + random.nextInt(3)]).append(random.nextBoolean() ? "post" : "r")
                        .append(random.nextInt(9));
            }
            if (random.nextInt(3) == 0) {
                v.append(seps[random.nextInt(4)]).append("dev").append(random.nextInt(9));
            }
            String text = v.toString();
            Pep440Version parsed = Pep440Version.parse(text).orElseThrow(() -> new AssertionError(text));
            String normalized = parsed.toString();
            assertThat(Pep440Version.normalize(normalized)).as("seed %d case %d: %s", SEED + 1, i, text)
                    .contains(normalized);
            assertThat(Pep440Version.parse(normalized).orElseThrow().compareTo(parsed)).isZero();
        }
    }
}
