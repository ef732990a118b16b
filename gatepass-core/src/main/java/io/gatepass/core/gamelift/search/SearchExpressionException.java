package io.gatepass.core.gamelift.search;

/** A filter or sort expression that does not parse, or compares an operand with a value of the wrong kind. */
public final class SearchExpressionException extends IllegalArgumentException {
    public SearchExpressionException(String message) {
        super(message);
    }
}
