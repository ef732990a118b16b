package io.gatepass.cli.internal.aws.output;

/**
 * Words a JMESPath syntax error the way Python's jmespath (used by aws v2) does: "Incomplete expression" when the
 * expression ends too early, otherwise "Unexpected token" with the column, the token and its type, and a caret line.
 */
final class QuerySyntaxMessage {

    private QuerySyntaxMessage() {
    }

    static String describe(String expression, int position, String parserMessage) {
        boolean atEnd = position >= expression.length() || parserMessage.contains("input '<EOF>'");
        if (atEnd) {
            return "Invalid jmespath expression: Incomplete expression:\n\"" + expression + "\"\n"
                    + " ".repeat(expression.length() + 1) + "^";
        }
        if (parserMessage.contains("token recognition error") && unclosedQuote(expression) != 0) {
            char quote = unclosedQuote(expression);
            return "Bad jmespath expression: Unclosed " + quote + " delimiter:\n" + expression + "\n"
                    + " ".repeat(expression.lastIndexOf(quote)) + "^";
        }
        String token = tokenAt(expression, position);
        return "Unexpected token: " + token + ": Parse error at column " + position + ", token \"" + token + "\" ("
                + tokenType(token) + "), for expression:\n\"" + expression + "\"\n" + " ".repeat(position + 1) + "^";
    }

    private static char unclosedQuote(String expression) {
        for (char quote : new char[] {'"', '\'', '`'}) {
            long count = expression.chars().filter(c -> c == quote).count();
            if (count % 2 == 1) {
                return quote;
            }
        }
        return 0;
    }

    private static String tokenAt(String expression, int position) {
        int end = position;
        while (end < expression.length() && isIdentifierChar(expression.charAt(end))) {
            end++;
        }
        if (end == position) {
            end = Math.min(expression.length(), position + 1);
            String two = expression.substring(position, Math.min(expression.length(), position + 2));
            if (two.equals("||") || two.equals("&&") || two.equals("==") || two.equals("!=") || two.equals("<=")
                    || two.equals(">=") || two.equals("[]") || two.equals("[?")) {
                end = position + 2;
            }
        }
        return expression.substring(position, end);
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static String tokenType(String token) {
        return switch (token) {
            case "." -> "DOT";
            case "*" -> "STAR";
            case "@" -> "CURRENT";
            case "[" -> "LBRACKET";
            case "]" -> "RBRACKET";
            case "{" -> "LBRACE";
            case "}" -> "RBRACE";
            case "(" -> "LPAREN";
            case ")" -> "RPAREN";
            case "," -> "COMMA";
            case ":" -> "COLON";
            case "|" -> "PIPE";
            case "||" -> "OR";
            case "&&" -> "AND";
            case "&" -> "EXPREF";
            case "!" -> "NOT";
            case "==" -> "EQ";
            case "!=" -> "NE";
            case "<" -> "LT";
            case "<=" -> "LTE";
            case ">" -> "GT";
            case ">=" -> "GTE";
            case "[]" -> "FLATTEN";
            case "[?" -> "FILTER";
            default -> Character.isDigit(token.charAt(0)) || token.charAt(0) == '-' ? "NUMBER"
                    : "UNQUOTED_IDENTIFIER";
        };
    }
}
