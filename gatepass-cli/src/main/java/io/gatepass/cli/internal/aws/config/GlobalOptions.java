package io.gatepass.cli.internal.aws.config;

/**
 * The AWS CLI global options as given on the command line; {@code null} (or false) means "not given". Resolving them
 * against the environment and the config files is {@link CliConfig}'s job.
 *
 * @param readTimeoutSeconds    --cli-read-timeout (0 = blocking)
 * @param connectTimeoutSeconds --cli-connect-timeout (0 = blocking)
 * @param cliAutoPrompt         TRUE for --cli-auto-prompt, FALSE for --no-cli-auto-prompt
 * @param generateCliSkeleton   "input", "yaml-input" or "output" (no value given means "input")
 */
public record GlobalOptions(
        boolean debug,
        String endpointUrl,
        boolean noVerifySsl,
        boolean noPaginate,
        String output,
        String query,
        String profile,
        String region,
        String color,
        boolean noSignRequest,
        String caBundle,
        Integer readTimeoutSeconds,
        Integer connectTimeoutSeconds,
        String cliBinaryFormat,
        boolean noCliPager,
        Boolean cliAutoPrompt,
        String cliInputJson,
        String cliInputYaml,
        String generateCliSkeleton) {

    public static GlobalOptions none() {
        return new GlobalOptions(false, null, false, false, null, null, null, null, null, false, null, null, null,
                null, false, null, null, null, null);
    }
}
