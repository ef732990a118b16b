package io.gatepass.core.policy;

/**
 * A policy document IAM would refuse. The message is worded like IAM's {@code MalformedPolicyDocument} messages
 * ("Syntax errors in policy.", "Invalid effect: Alow", ...), so the server can pass it through unchanged as the
 * message of its {@code MalformedPolicyDocument} error.
 *
 * <p>Unchecked: a handler either lets it become a 400 or has nothing sensible to do with it.
 */
public final class MalformedPolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPolicyException(String message) {
        super(message, null, false, false);
    }
}
