package io.gatepass.core.gamelift.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: parentheses, comparators, quoted strings ('...' as GameLift documents, or "..."
 * as its property example writes them; a backslash escapes the next character), numbers, and words (operands,
 * AND/OR/NOT, true/false, ASC/DESC).
 */
final class Lexer {
    enum Kind { LEFT, RIGHT, COMPARATOR, STRING, NUMBER, WORD, END }

    record Token(Kind kind, String text, Object value, int position) {
        String describe() {
            return kind == Kind.END ? "the end of the expression" : "'" + text + "' at position " + (position + 1);
        }
    }

    private Lexer() {
    }

    static List<Token> tokens(String expression, String what) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.LEFT, "(", null, i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.RIGHT, ")", null, i++));
            } else if (c == '=' || c == '<' || c == '>') {
                int start = i++;
                if (i < n && (c == '<' && (expression.charAt(i) == '>' || expression.charAt(i) == '=')
                        || c == '>' && expression.charAt(i) == '=')) {
                    i++;
                }
                String op = expression.substring(start, i);
                tokens.add(new Token(Kind.COMPARATOR, op, op, start));
            } else if (c == '\'' || c == '"') {
                int start = i++;
                StringBuilder value = new StringBuilder();
                boolean closed = false;
                while (i < n) {
                    char d = expression.charAt(i++);
                    if (d == '\\') {
                        if (i == n) {
                            break;
                        }
                        value.append(expression.charAt(i++));
                    } else if (d == c) {
                        closed = true;
                        break;
                    } else {
                        value.append(d);
                    }
                }
                if (!closed) {
                    throw new SearchExpressionException(what + ": the string starting at position " + (start + 1)
                            + " is not closed with " + c);
                }
                tokens.add(new Token(Kind.STRING, expression.substring(start, i), value.toString(), start));
            } else if (Character.isDigit(c) || c == '-' && i + 1 < n && Character.isDigit(expression.charAt(i + 1))) {
                int start = i++;
                while (i < n && (Character.isDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
                    i++;
                }
                String text = expression.substring(start, i);
                try {
                    tokens.add(new Token(Kind.NUMBER, text, new BigDecimal(text), start));
                } catch (NumberFormatException e) {
                    throw new SearchExpressionException(what + ": '" + text + "' at position " + (start + 1)
                            + " is not a number");
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i++;
                while (i < n && isWordPart(expression.charAt(i))) {
                    i++;
                }
                String text = expression.substring(start, i);
                tokens.add(new Token(Kind.WORD, text, text, start));
            } else {
                throw new SearchExpressionException(what + ": unexpected character '" + c + "' at position "
                        + (i + 1));
            }
        }
        tokens.add(new Token(Kind.END, "", null, n));
        return tokens;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
