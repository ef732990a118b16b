package io.gatepass.core.gamelift.search;

import io.gatepass.core.gamelift.search.Lexer.Kind;
import io.gatepass.core.gamelift.search.Lexer.Token;

import java.util.Comparator;
import java.util.List;

/**
 * A SearchGameSessions sort expression, {@code <operand> ASC|DESC} (the order word is case-insensitive). Game
 * sessions without a value for the operand come last in either order.
 */
public final class SortExpression {
    private static final String WHAT = "Invalid SortExpression";

    private final Comparator<SearchableGameSession> comparator;

    private SortExpression(Comparator<SearchableGameSession> comparator) {
        this.comparator = comparator;
    }

    /** @throws SearchExpressionException naming what is wrong and where */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SortExpression parse(String expression) {
        List<Token> tokens = Lexer.tokens(expression, WHAT);
        Token first = tokens.get(0);
        Operand operand = first.kind() == Kind.WORD ? Operand.named(first.text()) : null;
        if (operand == null) {
            throw new SearchExpressionException(WHAT + ": expected an operand (" + Operand.NAMES + ") but found "
                    + first.describe());
        }
        Token order = tokens.get(1);
        boolean descending;
        if (order.kind() == Kind.WORD && order.text().equalsIgnoreCase("ASC")) {
            descending = false;
        } else if (order.kind() == Kind.WORD && order.text().equalsIgnoreCase("DESC")) {
            descending = true;
        } else {
            throw new SearchExpressionException(WHAT + ": expected ASC or DESC after '" + first.text()
                    + "' but found " + order.describe());
        }
        if (tokens.get(2).kind() != Kind.END) {
            throw new SearchExpressionException(WHAT + ": expected the end of the expression but found "
                    + tokens.get(2).describe());
        }
        Comparator<Comparable> natural = Comparator.naturalOrder();
        Comparator<SearchableGameSession> byValue = Comparator.comparing(s -> (Comparable) operand.valueOf(s),
                Comparator.nullsLast(descending ? natural.reversed() : natural));
        return new SortExpression(byValue);
    }

    public Comparator<SearchableGameSession> comparator() {
        return comparator;
    }
}
