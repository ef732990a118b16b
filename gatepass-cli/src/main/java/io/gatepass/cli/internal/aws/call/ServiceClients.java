package io.gatepass.cli.internal.aws.call;

import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.model.AwsService;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The SDK client for one service, built by the resolved configuration; only that service's classes are loaded. */
public final class ServiceClients {

    private ServiceClients() {
    }

    public static SdkClient create(AwsService service, CliConfig config) {
        return switch (service) {
            case GAMELIFT -> config.client(GameLiftClient.builder(), service.cliName());
            case CODEARTIFACT -> config.client(CodeartifactClient.builder(), service.cliName());
            case STS -> config.client(StsClient.builder(), service.cliName());
            case IAM -> config.client(IamClient.builder(), service.cliName());
        };
    }
}
