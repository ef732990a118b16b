package io.gatepass.cli.internal.agent;

/** A failure retrying cannot fix, such as an unknown fleet or refused credentials at the first registration. */
final class AgentFatalException extends RuntimeException {
    AgentFatalException(String message, Throwable cause) {
        super(message, cause);
    }
}
