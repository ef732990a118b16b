package io.gatepass.cli.internal.agent;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.config.GlobalOptions;
import software.amazon.awssdk.services.gamelift.GameLiftClient;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the agent's GameLift client exactly as the command line builds its clients ({@link CliConfig}): endpoint from
 * {@code --endpoint-url}, AWS_ENDPOINT_URL[_GAMELIFT] or the profile; region from {@code --region}, the environment or
 * the profile; credentials from the environment or {@code --profile} (role profiles included).
 */
final class GameLiftClients {
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int READ_TIMEOUT_SECONDS = 30;

    private GameLiftClients() {
    }

    /** @throws IllegalArgumentException when the configuration names no region or no credentials */
    static GameLiftClient build(AgentSettings settings, Map<String, String> env) {
        GlobalOptions options = new GlobalOptions(false, settings.endpointUrl(), false, false, null, null,
                settings.profile(), settings.region(), null, false, null, READ_TIMEOUT_SECONDS,
                CONNECT_TIMEOUT_SECONDS, null, true, Boolean.FALSE, null, null, null);
        CliIo io = new CliIo(InputStream.nullInputStream(), System.out, System.err, env,
                Path.of(System.getProperty("user.home")), false, false);
        try {
            return CliConfig.resolve(options, io).client(GameLiftClient.builder(), "gamelift");
        } catch (CliException e) {
            throw new IllegalArgumentException(e.getMessage().strip(), e);
        }
    }
}
