package io.gatepass.server.internal.endpoints.packages.pypi;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectNamesTest {
    private static final long SEED = 20261206L;
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SEPARATORS = "-_.";

    @Test
    void normalize_pep503Examples_lowerCaseWithSingleDashes() {
        assertThat(ProjectNames.normalize("Friendly-Bard")).isEqualTo("friendly-bard");
        assertThat(ProjectNames.normalize("friendly.bard")).isEqualTo("friendly-bard");
        assertThat(ProjectNames.normalize("FRIENDLY_BARD")).isEqualTo("friendly-bard");
        assertThat(ProjectNames.normalize("friendly--bard")).isEqualTo("friendly-bard");
        assertThat(ProjectNames.normalize("FrIeNdLy-._.-bArD")).isEqualTo("friendly-bard");
        assertThat(ProjectNames.normalize("zope.interface")).isEqualTo("zope-interface");
    }

    @Test
    void isValid_whenSeparatorAtEitherEndOrOtherCharacters_false() {
        assertThat(ProjectNames.isValid("a")).isTrue();
        assertThat(ProjectNames.isValid("Django_REST.framework-3")).isTrue();
        assertThat(ProjectNames.isValid("-lead")).isFalse();
        assertThat(ProjectNames.isValid("trail.")).isFalse();
        assertThat(ProjectNames.isValid("has space")).isFalse();
        assertThat(ProjectNames.isValid("slash/name")).isFalse();
        assertThat(ProjectNames.isValid("")).isFalse();
        assertThat(ProjectNames.isValid("é")).isFalse();
        assertThat(ProjectNames.isValid("a".repeat(256))).isFalse();
    }

    @Test
    void normalize_randomSpellingsOfOneName_allEqualIdempotentAndCanonical() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            int words = 1 + random.nextInt(4);
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < words; w++) {
                String word = randomWord(random);
                if (w > 0) {
                    a.append(randomSeparators(random));
                    b.append(randomSeparators(random));
                }
                a.append(randomCase(random, word));
                b.append(randomCase(random, word));
            }
            String normalized = ProjectNames.normalize(a.toString());
            assertThat(ProjectNames.isValid(a.toString())).as("seed %d case %d: %s", SEED, i, a).isTrue();
            assertThat(ProjectNames.normalize(b.toString())).as("seed %d case %d: %s vs %s", SEED, i, a, b)
                    .isEqualTo(normalized);
            assertThat(ProjectNames.normalize(normalized)).as("seed %d case %d", SEED, i).isEqualTo(normalized);
            assertThat(ProjectNames.isNormalized(normalized)).isTrue();
            assertThat(normalized).as("seed %d case %d", SEED, i).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(ProjectNames.normalize(ProjectNames.escapedForFilename(a.toString())))
                    .as("seed %d case %d", SEED, i).isEqualTo(normalized);
        }
    }

    @Test
    void normalize_namesDifferingInLettersOrDigits_stayDifferent() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 5_000; i++) {
            String x = randomWord(random) + randomSeparators(random) + randomWord(random);
            String y = randomWord(random) + randomSeparators(random) + randomWord(random);
            boolean sameLetters = x.replaceAll("[-_.]", "").equalsIgnoreCase(y.replaceAll("[-_.]", ""));
            if (!sameLetters) {
                assertThat(ProjectNames.normalize(x)).as("seed %d case %d: %s vs %s", SEED + 1, i, x, y)
                        .isNotEqualTo(ProjectNames.normalize(y));
            }
        }
    }

    private static String randomWord(Random random) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            word.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return word.toString();
    }

    private static String randomSeparators(Random random) {
        StringBuilder run = new StringBuilder();
        int length = 1 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            run.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
        }
        return run.toString();
    }

    private static String randomCase(Random random, String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return random.nextInt(5) == 0 ? out.toString().toUpperCase(Locale.ROOT) : out.toString();
    }
}
