package io.gatepass.core.gamelift.search;

import io.gatepass.core.gamelift.search.Lexer.Kind;
import io.gatepass.core.gamelift.search.Lexer.Token;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A SearchGameSessions filter expression: comparisons ({@code operand comparator value}) joined with AND, OR, NOT and
 * parentheses. Precedence, tightest first: comparators, parentheses, NOT, AND, OR; AND and OR group left to right.
 * Keywords and {@code true}/{@code false} are case-insensitive; operand names are not. Numbers compare with the
 * numeric operands and every comparator; strings and booleans only with {@code =} and {@code <>}. A comparison on an
 * attribute the game session does not have (a missing property or name) is false.
 */
public final class FilterExpression {
    private static final String WHAT = "Invalid FilterExpression";

    private final Node root;

    private FilterExpression(Node root) {
        this.root = root;
    }

    /** @throws SearchExpressionException naming what is wrong and where */
    public static FilterExpression parse(String expression) {
        Parser parser = new Parser(Lexer.tokens(expression, WHAT));
        Node root = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw parser.error("expected AND, OR or the end of the expression but found " + rest.describe());
        }
        return new FilterExpression(root);
    }

    public boolean matches(SearchableGameSession session) {
        return root.test(session);
    }

    private interface Node {
        boolean test(SearchableGameSession session);
    }

    private record Or(Node left, Node right) implements Node {
        public boolean test(SearchableGameSession s) {
            return left.test(s) || right.test(s);
        }
    }

    private record And(Node left, Node right) implements Node {
        public boolean test(SearchableGameSession s) {
            return left.test(s) && right.test(s);
        }
    }

    private record Not(Node inner) implements Node {
        public boolean test(SearchableGameSession s) {
            return !inner.test(s);
        }
    }

    private record Comparison(Operand operand, String comparator, Object value) implements Node {
        @SuppressWarnings({"unchecked", "rawtypes"})
        public boolean test(SearchableGameSession s) {
            Comparable actual = operand.valueOf(s);
            if (actual == null) {
                return false;
            }
            int order = actual.compareTo(value);
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

    private static final class Parser {
        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token peek() {
            return tokens.get(next);
        }

        Token take() {
            return tokens.get(next++);
        }

        boolean takeKeyword(String keyword) {
            Token token = peek();
            if (token.kind() == Kind.WORD && token.text().equalsIgnoreCase(keyword)) {
                next++;
                return true;
            }
            return false;
        }

        SearchExpressionException error(String detail) {
            return new SearchExpressionException(WHAT + ": " + detail);
        }

        Node or() {
            Node left = and();
            while (takeKeyword("OR")) {
                left = new Or(left, and());
            }
            return left;
        }

        Node and() {
            Node left = not();
            while (takeKeyword("AND")) {
                left = new And(left, not());
            }
            return left;
        }

        Node not() {
            if (takeKeyword("NOT")) {
                return new Not(not());
            }
            return primary();
        }

        Node primary() {
            Token token = take();
            if (token.kind() == Kind.LEFT) {
                Node inner = or();
                Token close = take();
                if (close.kind() != Kind.RIGHT) {
                    throw error("expected ')' to close the '(' at position " + (token.position() + 1)
                            + " but found " + close.describe());
                }
                return inner;
            }
            if (token.kind() != Kind.WORD || isKeyword(token.text())) {
                throw error("expected an operand (" + Operand.NAMES + "), NOT or '(' but found " + token.describe());
            }
            Operand operand = Operand.named(token.text());
            if (operand == null) {
                throw error("unknown operand " + token.describe() + "; use one of " + Operand.NAMES);
            }
            Token comparator = take();
            if (comparator.kind() != Kind.COMPARATOR) {
                throw error("expected a comparator (=, <>, <, >, <=, >=) after '" + token.text() + "' but found "
                        + comparator.describe());
            }
            Token value = take();
            return new Comparison(operand, comparator.text(), value(operand, comparator, value));
        }

        private Object value(Operand operand, Token comparator, Token value) {
            boolean equality = comparator.text().equals("=") || comparator.text().equals("<>");
            switch (operand.type()) {
                case NUMBER -> {
                    if (value.kind() != Kind.NUMBER) {
                        throw error(operand.name() + " compares with a number, not " + value.describe());
                    }
                    return (BigDecimal) value.value();
                }
                case BOOLEAN -> {
                    if (value.kind() != Kind.WORD || !(value.text().equalsIgnoreCase("true")
                            || value.text().equalsIgnoreCase("false"))) {
                        throw error(operand.name() + " compares with true or false, not " + value.describe());
                    }
                    if (!equality) {
                        throw error("true and false only compare with = and <>, not with '" + comparator.text()
                                + "' at position " + (comparator.position() + 1));
                    }
                    return Boolean.valueOf(value.text().toLowerCase(Locale.ROOT));
                }
                default -> {
                    if (value.kind() != Kind.STRING) {
                        throw error(operand.name() + " compares with a quoted string ('...'), not "
                                + value.describe());
                    }
                    if (!equality) {
                        throw error("strings only compare with = and <>, not with '" + comparator.text()
                                + "' at position " + (comparator.position() + 1));
                    }
                    return value.value();
                }
            }
        }

        private static boolean isKeyword(String word) {
            return word.equalsIgnoreCase("AND") || word.equalsIgnoreCase("OR") || word.equalsIgnoreCase("NOT");
        }
    }
}
