package io.gatepass.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    private static final long SEED = 20261123L;
    private static final String ALPHABET = "aAb:/*?";

    @ParameterizedTest(name = "[{index}] \"{0}\" vs \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
            "abc|abc|true",
            "abc|abd|false",
            "abc|ab|false",
            "ab|abc|false",
            "*|''|true",
            "*|anything:at/all|true",
            "''|''|true",
            "''|a|false",
            "a*|a|true",
            "a*c|abbbc|true",
            "a*c|abbbd|false",
            "a?c|abc|true",
            "a?c|ac|false",
            "a?c|abbc|false",
            "??|ab|true",
            "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket/a/b/c|true",
            "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket|false",
            "arn:aws:iam::*:role/x|arn:aws:iam::123456789012:role/x|true",
            "arn:*:role/x|arn:aws:iam::123456789012:role/x|true",
            "arn:aws:gamelift:*|arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1|true",
            "*:*|a:b|true",
            "*:*|ab|false",
            "a*b*c|abcabc|true",
            "a*b*c|acb|false",
            "**a**|xxa|true",
            "*?|''|false",
            "*?|x|true",
    })
    void matches_whenCaseSensitive_followsWildcardRules(String pattern, String input, boolean expected) {
        assertThat(Glob.matches(pattern, input, false)).isEqualTo(expected);
    }

    @Test
    void matches_whenCaseDiffersAndCaseSensitive_false() {
        assertThat(Glob.matches("arn:aws:iam::1:user/Alice", "arn:aws:iam::1:user/alice", false)).isFalse();
    }

    @Test
    void matches_whenCaseDiffersAndIgnoreCase_true() {
        assertThat(Glob.matches("gamelift:Get*", "GAMELIFT:getComputeAuthToken", true)).isTrue();
        assertThat(Glob.matches("iam:getuser", "iam:GetUser", true)).isTrue();
    }

    @Test
    void matches_whenPatternHasManyStars_runsInPolynomialTime() {
        String input = "a".repeat(20_000);
        String pattern = "a*".repeat(200) + "b";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(Glob.matches(pattern, input, false)).isFalse());
    }

    @Test
    void hasWildcard_whenStarOrQuestionMark_true() {
        assertThat(Glob.hasWildcard("a*")).isTrue();
        assertThat(Glob.hasWildcard("a?")).isTrue();
        assertThat(Glob.hasWildcard("arn:aws:iam::1:root")).isFalse();
    }

    @Test
    void matches_whenRandomPatterns_agreesWithRegexReference() {
        Random random = new Random(SEED);
        for (int i = 0; i < 50_000; i++) {
            String pattern = randomString(random, 8);
            String input = randomString(random, 10);
            boolean ignoreCase = random.nextBoolean();
            assertThat(Glob.matches(pattern, input, ignoreCase))
                    .as("seed %d, iteration %d: pattern \"%s\" input \"%s\" ignoreCase %s",
                            SEED, i, pattern, input, ignoreCase)
                    .isEqualTo(reference(pattern, input, ignoreCase));
        }
    }

    @Test
    void matches_whenRandomInputDerivedFromPattern_agreesWithRegexReference() {
        // Random inputs rarely match random patterns; derive inputs from the pattern so that matches are common too.
        Random random = new Random(SEED + 1);
        int matched = 0;
        for (int i = 0; i < 50_000; i++) {
            String pattern = randomString(random, 8);
            String input = instantiate(random, pattern);
            boolean ignoreCase = random.nextBoolean();
            boolean expected = reference(pattern, input, ignoreCase);
            matched += expected ? 1 : 0;
            assertThat(Glob.matches(pattern, input, ignoreCase))
                    .as("seed %d, iteration %d: pattern \"%s\" input \"%s\" ignoreCase %s",
                            SEED + 1, i, pattern, input, ignoreCase)
                    .isEqualTo(expected);
        }
        assertThat(matched).as("seed %d: inputs that match", SEED + 1).isBetween(10_000, 40_000);
    }

    @Test
    void matches_whenPatternHasNoWildcard_matchesOnlyItself() {
        Random random = new Random(SEED + 2);
        String literals = "aAbB:/";
        for (int i = 0; i < 50_000; i++) {
            String pattern = randomString(random, literals, 6);
            String input = random.nextInt(4) == 0 ? pattern : randomString(random, literals, 6);
            assertThat(Glob.matches(pattern, input, false))
                    .as("seed %d, iteration %d: \"%s\" vs \"%s\" case-sensitive", SEED + 2, i, pattern, input)
                    .isEqualTo(pattern.equals(input));
            assertThat(Glob.matches(pattern, input, true))
                    .as("seed %d, iteration %d: \"%s\" vs \"%s\" ignoring case", SEED + 2, i, pattern, input)
                    .isEqualTo(pattern.equalsIgnoreCase(input));
            assertThat(Glob.matches(pattern, pattern, false))
                    .as("seed %d, iteration %d: \"%s\" matches itself", SEED + 2, i, pattern)
                    .isTrue();
        }
    }

    /** The obvious, slow definition: a regex with every literal quoted. */
    private static boolean reference(String pattern, String input, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(input).matches();
    }

    private static String randomString(Random random, int maxLength) {
        return randomString(random, ALPHABET, maxLength);
    }

    private static String randomString(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** An input that usually matches: wildcards replaced by random text, literals sometimes flipped or dropped. */
    private static String instantiate(Random random, String pattern) {
        StringBuilder s = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> s.append(randomString(random, 3));
                case '?' -> s.append(randomString(random, ALPHABET, 0)).append(ALPHABET.charAt(random.nextInt(7)));
                default -> {
                    int dice = random.nextInt(10);
                    if (dice == 0) {
                        s.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                    } else if (dice != 1) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
