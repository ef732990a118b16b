package io.gatepass.cli.aws.config;

import io.gatepass.cli.aws.CliException;
import io.gatepass.cli.aws.CliIo;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The global options resolved the way aws resolves them: flag, then environment (AWS_PROFILE, AWS_REGION /
 * AWS_DEFAULT_REGION, AWS_ENDPOINT_URL[_SERVICE], AWS_PAGER, ...), then the profile in ~/.aws/config and
 * ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). Bad configuration fails with
 * {@code CliException.configuration} (exit 253).
 */
public final class CliConfig {

    static final String NO_REGION =
            "You must specify a region. You can also configure your region by running \"gatepass configure\".";
    private static final Pattern REGION_FORMAT = Pattern.compile("^[a-zA-Z0-9](?:[a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?$");
    private static final String GLOBAL_SERVICE_REGION = "us-east-1";

    private final GlobalOptions options;
    private final CliIo io;
    private final ConfigFiles files;
    private final String region;
    private final String output;
    private final String binaryFormat;
    private final String pager;
    private final DebugLog log;
    private final ServiceEndpoints endpoints;
    private final TlsTrust trust;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetrySettings retry;
    private SdkHttpClient http;
    private AwsCredentials credentials;

    private CliConfig(GlobalOptions options, CliIo io, ConfigFiles files) {
        this.options = options;
        this.io = io;
        this.files = files;
        Map<String, String> env = io.env();
        this.log = DebugLog.to(options.debug() ? io.err() : null);
        this.output = resolveOutput(options, env, files);
        this.region = resolveRegion(options, env, files);
        this.binaryFormat = ConfigValues.choice("--cli-binary-format", options.cliBinaryFormat() != null
                ? options.cliBinaryFormat() : files.setting("cli_binary_format").map(String::trim).orElse("base64"),
                ConfigValues.BINARY_FORMATS);
        ConfigValues.choice("--color", options.color(), ConfigValues.COLORS);
        this.pager = resolvePager(options, env, files);
        this.endpoints = new ServiceEndpoints(options.endpointUrl(), files, env);
        String caBundle = ConfigFiles.firstNonBlank(options.caBundle(), env.get("AWS_CA_BUNDLE"),
                files.setting("ca_bundle").orElse(null));
        this.trust = new TlsTrust(!options.noVerifySsl(),
                caBundle == null ? null : ConfigFiles.path(caBundle.trim(), io.home(), ""));
        this.connectTimeout = ConfigValues.timeout(options.connectTimeoutSeconds(), "connect");
        this.readTimeout = ConfigValues.timeout(options.readTimeoutSeconds(), "read");
        this.retry = RetrySettings.resolve(env, files);
    }

    public static CliConfig resolve(GlobalOptions options, CliIo io) {
        CliConfig config = new CliConfig(options, io, ConfigFiles.load(options.profile(), io));
        config.log.debug("config", "profile=" + config.files.profileName() + " region=" + config.region
                + " output=" + config.output);
        return config;
    }

    /** The options as given on the command line (query, pagination, skeleton and input flags live there). */
    public GlobalOptions options() {
        return options;
    }

    /** The selected profile's name ("default" when none was chosen). */
    public String profileName() {
        return files.profileName();
    }

    /** The merged config and credentials files, for commands that read further settings. */
    public ConfigFiles configFiles() {
        return files;
    }

    /** The --debug trace; silent without --debug. */
    public DebugLog debugLog() {
        return log;
    }

    /** Region to sign for and to pick endpoints in. */
    public String region() {
        if (region == null) {
            throw CliException.configuration(NO_REGION);
        }
        return region;
    }

    /** The configured region, if any (aws may run without one for global services such as STS and IAM). */
    public Optional<String> configuredRegion() {
        return Optional.ofNullable(region);
    }

    /** json (default), text, table, yaml or yaml-stream: flag, AWS_DEFAULT_OUTPUT, then the profile's output. */
    public String output() {
        return output;
    }

    /** base64 (default) or raw-in-base64-out. */
    public String binaryFormat() {
        return binaryFormat;
    }

    /** Whether to colour output (--color on|off|auto; auto means stdout is a terminal). */
    public boolean color() {
        String color = options.color() == null ? "auto" : options.color();
        return color.equals("on") || (color.equals("auto") && io.stdoutIsTerminal());
    }

    /**
     * cli_auto_prompt: "on", "on-partial" or "off" (default) from --cli-auto-prompt / --no-cli-auto-prompt,
     * AWS_CLI_AUTO_PROMPT, then the profile.
     */
    public String autoPrompt() {
        if (options.cliAutoPrompt() != null) {
            return options.cliAutoPrompt() ? "on" : "off";
        }
        String value = ConfigFiles.firstNonBlank(io.env().get("AWS_CLI_AUTO_PROMPT"),
                files.setting("cli_auto_prompt").orElse(null));
        if (value == null) {
            return "off";
        }
        String mode = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("on", "on-partial", "off").contains(mode)) {
            throw CliException.configuration("Invalid value for cli_auto_prompt: " + value.trim()
                    + " (valid values are on, on-partial, off)");
        }
        return mode;
    }

    /** cli_timestamp_format of the profile: "iso8601" (aws v2's default) or "wire" (as the service sent it). */
    public String timestampFormat() {
        String value = files.setting("cli_timestamp_format").map(String::trim).orElse("iso8601");
        if (!value.equals("iso8601") && !value.equals("wire")) {
            throw CliException.configuration("Unknown cli_timestamp_format value: " + value
                    + ", valid values are \"wire\" or \"iso8601\"");
        }
        return value;
    }

    /** The pager command (AWS_PAGER, cli_pager, PAGER, "less -R"), or empty when paging is off. */
    public Optional<String> pager() {
        return Optional.ofNullable(pager).filter(p -> !p.isBlank());
    }

    /** The endpoint configured for one service, if any (otherwise the SDK's standard endpoint is used). */
    public Optional<URI> endpoint(String serviceId) {
        return endpoints.endpoint(serviceId);
    }

    /**
     * Builds a synchronous SDK client for one service: credentials (static keys, session token, profiles with
     * role_arn + source_profile, or anonymous for --no-sign-request), region, endpoint (--endpoint-url, then
     * AWS_ENDPOINT_URL[_SERVICE] and endpoint_url in the profile), TLS (--no-verify-ssl, --ca-bundle), timeouts,
     * and the --debug trace with secrets redacted.
     *
     * @param serviceId the service id as aws names it in env and config: "gamelift", "codeartifact", "sts", "iam"
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            B builder, String serviceId) {
        String clientRegion = regionFor(serviceId);
        Optional<URI> endpoint = endpoints.endpoint(serviceId);
        if (endpoint.map(uri -> !"http".equalsIgnoreCase(uri.getScheme())).orElse(true)) {
            trust.checkBundle(endpoint.map(URI::toString)
                    .orElse("https://" + serviceId + "." + clientRegion + ".amazonaws.com/"));
        }
        AwsCredentialsProvider provider = options.noSignRequest() ? AnonymousCredentialsProvider.create()
                : StaticCredentialsProvider.create(credentials());
        return configure(builder, clientRegion, endpoint, provider);
    }

    /**
     * Where command output goes: stdout, or the pager (--no-cli-pager, AWS_PAGER, cli_pager; default "less -R")
     * when stdout is a terminal and the pager program is installed. Closing the stream waits for the pager.
     */
    public PrintStream openOutput() {
        if (io.stdoutIsTerminal() && pager().filter(command -> PagerStream.installed(command, io.env())).isPresent()) {
            return new PrintStream(new PagerStream(pager, io.env(), io.out(), io.err()), true, StandardCharsets.UTF_8);
        }
        return new PrintStream(new FilterOutputStream(io.out()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** The call's credentials, found once (role profiles call STS here). */
    public synchronized AwsCredentials credentials() {
        if (credentials == null) {
            Optional<URI> stsEndpoint = endpoints.endpoint("sts");
            credentials = new CredentialChain(files, io.env(), source -> configure(StsClient.builder(),
                    regionFor("sts"), stsEndpoint, StaticCredentialsProvider.create(source)),
                    stsEndpoint.map(URI::toString).orElse("sts." + regionFor("sts")),
                    new AssumedRoleCache(io.home().resolve(".aws/cli/cache"), java.time.Clock.systemUTC()), log)
                    .resolve();
        }
        return credentials;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C configure(
            B builder, String clientRegion, Optional<URI> endpoint, AwsCredentialsProvider provider) {
        builder.httpClient(http())
                .region(Region.of(clientRegion))
                .credentialsProvider(provider)
                .overrideConfiguration(o -> {
                    o.defaultProfileFile(files.file()).defaultProfileName(files.profileName());
                    o.retryStrategy(retry.strategy());
                    if (log.enabled()) {
                        o.addExecutionInterceptor(new DebugTrace(log));
                    }
                });
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = HttpTransport.create(connectTimeout, readTimeout, trust, io.err());
        }
        return http;
    }

    private String regionFor(String serviceId) {
        if (region == null && (serviceId.equals("sts") || serviceId.equals("iam"))) {
            return GLOBAL_SERVICE_REGION;
        }
        return region();
    }

    private static String resolveOutput(GlobalOptions options, Map<String, String> env, ConfigFiles files) {
        if (options.output() != null) {
            return ConfigValues.choice("--output", options.output(), ConfigValues.OUTPUTS);
        }
        String value = ConfigFiles.firstNonBlank(env.get("AWS_DEFAULT_OUTPUT"),
                files.setting("output").orElse(null));
        if (value == null) {
            return "json";
        }
        if (!ConfigValues.OUTPUTS.contains(value.trim())) {
            throw CliException.other("Unknown output type: " + value.trim(), null);
        }
        return value.trim();
    }

    private static String resolveRegion(GlobalOptions options, Map<String, String> env, ConfigFiles files) {
        String value = ConfigFiles.firstNonBlank(options.region(), env.get("AWS_REGION"),
                env.get("AWS_DEFAULT_REGION"), files.setting("region").orElse(null));
        if (value != null && !REGION_FORMAT.matcher(value.trim()).matches()) {
            throw CliException.other("Provided region_name '" + value + "' doesn't match a supported format.", null);
        }
        return value == null ? null : value.trim();
    }

    private static String resolvePager(GlobalOptions options, Map<String, String> env, ConfigFiles files) {
        if (options.noCliPager()) {
            return null;
        }
        if (env.containsKey("AWS_PAGER")) {
            return env.get("AWS_PAGER");
        }
        Optional<String> configured = files.setting("cli_pager");
        if (configured.isPresent()) {
            return configured.get().trim();
        }
        return env.getOrDefault("PAGER", "less -R");
    }
}
