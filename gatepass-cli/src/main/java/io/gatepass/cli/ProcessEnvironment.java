package io.gatepass.cli;

import java.util.Map;

/**
 * The one place the code reads the process environment: the settings' variables (through {@link SettingsResolver}),
 * the AWS ones the command line and the agent's clients read, and {@code HOSTNAME}. A class of its own so that the
 * AWS-compatible command line loads nothing else of the settings.
 */
public final class ProcessEnvironment {
    private ProcessEnvironment() {
    }

    public static Map<String, String> variables() {
        return System.getenv();
    }
}
