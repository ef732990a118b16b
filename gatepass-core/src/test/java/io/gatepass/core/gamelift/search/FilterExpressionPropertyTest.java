package io.gatepass.core.gamelift.search;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded random expression trees, printed with random spacing, keyword case, quoting and redundant parentheses,
 * evaluate as the tree says; and random text either parses or fails with a SearchExpressionException, never anything
 * else.
 */
class FilterExpressionPropertyTest {
    private static final long SEED = 20261206L;
    private static final List<String> NUMERIC = List.of("maximumSessions", "creationTimeMillis", "playerSessionCount");
    private static final List<String> STRINGS = List.of("gameSessionName", "gameSessionId",
            "gameSessionProperties.mode", "gameSessionProperties.map-name");
    private static final List<String> COMPARATORS = List.of("=", "<>", "<", ">", "<=", ">=");
    private static final List<String> WORDS = List.of("alpha", "beta", "it's", "a\"b", "back\\slash", "");

    /** The reference model: an expression tree that both prints itself and evaluates itself. */
    private interface Expr {
        String print(Random r);

        boolean eval(SearchableGameSession s);
    }

    private record Binary(String keyword, Expr left, Expr right) implements Expr {
        public String print(Random r) {
            // Parenthesize children so the printed text means this tree whatever the precedence.
            return "(" + left.print(r) + ")" + space(r, 1) + FilterExpressionPropertyTest.keyword(r, keyword) + space(r, 1) + "("
                    + right.print(r) + ")";
        }

        public boolean eval(SearchableGameSession s) {
            return keyword.equals("AND") ? left.eval(s) && right.eval(s) : left.eval(s) || right.eval(s);
        }
    }

    private record Negation(Expr inner) implements Expr {
        public String print(Random r) {
            return keyword(r, "NOT") + space(r, 1) + "(" + inner.print(r) + ")";
        }

        public boolean eval(SearchableGameSession s) {
            return !inner.eval(s);
        }
    }

    private record NumberComparison(String operand, String comparator, long value) implements Expr {
        public String print(Random r) {
            return operand + space(r, 0) + comparator + space(r, 0) + value;
        }

        public boolean eval(SearchableGameSession s) {
            long actual = switch (operand) {
                case "maximumSessions" -> s.maximumSessions();
                case "creationTimeMillis" -> s.creationTimeMillis();
                default -> s.playerSessionCount();
            };
            int order = Long.compare(actual, value);
            return switch (comparator) {
                case "=" -> order == 0;
                case "<>" -> order != 0;
                case "<" -> order < 0;
                case ">" -> order > 0;
                case "<=" -> order <= 0;
                default -> order >= 0;
            };
        }
    }

    private record StringComparison(String operand, boolean equal, String value) implements Expr {
        public String print(Random r) {
            char quote = r.nextBoolean() ? '\'' : '"';
            String escaped = value.replace("\\", "\\\\").replace(String.valueOf(quote), "\\" + quote);
            return operand + space(r, 0) + (equal ? "=" : "<>") + space(r, 0) + quote + escaped + quote;
        }

        public boolean eval(SearchableGameSession s) {
            String actual = switch (operand) {
                case "gameSessionName" -> s.gameSessionName();
                case "gameSessionId" -> s.gameSessionId();
                default -> s.properties().get(operand.substring("gameSessionProperties.".length()));
            };
            return actual != null && actual.equals(value) == equal;
        }
    }

    private record BooleanComparison(boolean equal, boolean value) implements Expr {
        public String print(Random r) {
            return "hasAvailablePlayerSessions" + space(r, 0) + (equal ? "=" : "<>") + space(r, 0)
                    + keyword(r, String.valueOf(value));
        }

        public boolean eval(SearchableGameSession s) {
            return (s.hasAvailablePlayerSessions() == value) == equal;
        }
    }

    private static String space(Random r, int min) {
        return " ".repeat(min + r.nextInt(2));
    }

    private static String keyword(Random r, String word) {
        return switch (r.nextInt(3)) {
            case 0 -> word.toUpperCase();
            case 1 -> word.toLowerCase();
            default -> word;
        };
    }

    private static Expr expr(Random r, int depth) {
        int choice = depth == 0 ? 3 + r.nextInt(3) : r.nextInt(6);
        return switch (choice) {
            case 0, 1 -> new Binary(r.nextBoolean() ? "AND" : "OR", expr(r, depth - 1), expr(r, depth - 1));
            case 2 -> new Negation(expr(r, depth - 1));
            case 3 -> new NumberComparison(NUMERIC.get(r.nextInt(NUMERIC.size())),
                    COMPARATORS.get(r.nextInt(COMPARATORS.size())), r.nextInt(8) - 1);
            case 4 -> new StringComparison(STRINGS.get(r.nextInt(STRINGS.size())), r.nextBoolean(),
                    WORDS.get(r.nextInt(WORDS.size())));
            default -> new BooleanComparison(r.nextBoolean(), r.nextBoolean());
        };
    }

    private static SearchableGameSession session(Random r) {
        Map<String, String> properties = new HashMap<>();
        if (r.nextBoolean()) {
            properties.put("mode", WORDS.get(r.nextInt(WORDS.size())));
        }
        if (r.nextBoolean()) {
            properties.put("map-name", WORDS.get(r.nextInt(WORDS.size())));
        }
        return new SearchableGameSession(WORDS.get(r.nextInt(WORDS.size())),
                r.nextInt(4) == 0 ? null : WORDS.get(r.nextInt(WORDS.size())), r.nextInt(8), r.nextInt(8),
                r.nextInt(8), properties);
    }

    @Test
    void parse_ofPrintedRandomTrees_evaluatesAsTheTree() {
        Random random = new Random(SEED);
        for (int i = 0; i < 3_000; i++) {
            Expr tree = expr(random, random.nextInt(5));
            String text = tree.print(random);
            FilterExpression parsed;
            try {
                parsed = FilterExpression.parse(text);
            } catch (SearchExpressionException e) {
                throw new AssertionError("seed " + SEED + ", iteration " + i + ": \"" + text + "\": " + e.getMessage(),
                        e);
            }
            for (int j = 0; j < 10; j++) {
                SearchableGameSession session = session(random);
                assertThat(parsed.matches(session)).as("seed %d, iteration %d: \"%s\" on %s", SEED, i, text, session)
                        .isEqualTo(tree.eval(session));
            }
        }
    }

    @Test
    void parse_withoutRedundantParentheses_followsPrecedence() {
        // a OR b AND NOT c is a OR (b AND (NOT c)), checked against the fully parenthesized form.
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 2_000; i++) {
            Expr a = expr(random, 0);
            Expr b = expr(random, 0);
            Expr c = expr(random, 0);
            String flat = a.print(random) + " OR " + b.print(random) + " AND NOT " + c.print(random);
            FilterExpression parsed = FilterExpression.parse(flat);
            Expr expected = new Binary("OR", a, new Binary("AND", b, new Negation(c)));
            for (int j = 0; j < 5; j++) {
                SearchableGameSession session = session(random);
                assertThat(parsed.matches(session)).as("seed %d, iteration %d: \"%s\"", SEED + 1, i, flat)
                        .isEqualTo(expected.eval(session));
            }
        }
    }

    @Test
    void parse_ofRandomText_eitherParsesOrFailsWithASearchExpressionException() {
        Random random = new Random(SEED + 2);
        String alphabet = "()=<>!'\"\\ .-_0123456789aANDORNOTtruefalsemaximumSessionsgameSessionProperties.x";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                FilterExpression.parse(text.toString()).matches(session(random));
            } catch (SearchExpressionException expected) {
                assertThat(expected.getMessage()).startsWith("Invalid FilterExpression: ");
            } catch (RuntimeException other) {
                fail("seed %d, iteration %d: \"%s\" threw %s", SEED + 2, i, text, other);
            }
        }
    }
}
