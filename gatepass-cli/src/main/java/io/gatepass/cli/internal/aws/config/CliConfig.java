package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
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
import java.util.Map;
import java.util.Optional;

/**
 * The global options resolved the way aws resolves them: flag, then environment (AWS_PROFILE, AWS_REGION /
 * AWS_DEFAULT_REGION, AWS_ENDPOINT_URL[_SERVICE], AWS_PAGER, ...), then the profile in ~/.aws/config and
 * ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). Bad configuration fails with
 * {@code CliException.configuration} (exit 253).
 */
public final class CliConfig {

    static final String NO_REGION =
            "You must specify a region. You can also configure your region by running \"gatepass configure\".";
    private static final String GLOBAL_SERVICE_REGION = "us-east-1";

    private final GlobalOptions options;
    private final CliIo io;
    private final ConfigFiles files;
    private final CliSettings settings;
    private final DebugLog log;
    private final ServiceEndpoints endpoints;
    private final TlsTrust trust;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private RetrySettings retry;
    private SdkHttpClient http;
    private ConnectionOpener connections;
    private AwsCredentials credentials;

    private CliConfig(GlobalOptions options, CliIo io, ConfigFiles files) {
        this.options = options;
        this.io = io;
        this.files = files;
        Map<String, String> env = io.env();
        this.log = DebugLog.to(options.debug() ? io.err() : null);
        this.settings = CliSettings.resolve(options, env, files);
        this.endpoints = new ServiceEndpoints(options.endpointUrl(), files, env);
        String caBundle = ConfigFiles.firstNonBlank(options.caBundle(), env.get("AWS_CA_BUNDLE"),
                files.setting("ca_bundle").orElse(null));
        this.trust = new TlsTrust(!options.noVerifySsl(),
                caBundle == null ? null : ConfigFiles.path(caBundle.trim(), io.home(), ""));
        this.connectTimeout = ConfigValues.timeout(options.connectTimeoutSeconds(), "connect");
        this.readTimeout = ConfigValues.timeout(options.readTimeoutSeconds(), "read");
    }

    public static CliConfig resolve(GlobalOptions options, CliIo io) {
        CliConfig config = new CliConfig(options, io, ConfigFiles.load(options.profile(), io));
        if (config.log.enabled()) { // no record toString (a cold invokedynamic bootstrap) on the fast path
            config.log.debug("config", "profile=" + config.files.profileName() + " " + config.settings);
        }
        return config;
    }

    /** The options as given on the command line (query, pagination, skeleton and input flags live there). */
    public GlobalOptions options() {
        return options;
    }

    /**
     * Checks what aws v2 checks when it creates a service client, before it validates a call's parameters: the retry
     * settings (an invalid AWS_RETRY_MODE or retry_mode fails with exit 255). What calls no service (an input
     * skeleton, auto-prompt's look-ups) never checks them.
     */
    public void checkClientSettings() {
        retry();
    }

    private synchronized RetrySettings retry() {
        if (retry == null) {
            retry = RetrySettings.resolve(io.env(), files);
        }
        return retry;
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
        if (settings.region() == null) {
            throw CliException.configuration(NO_REGION);
        }
        return settings.region();
    }

    /** The configured region, if any (aws may run without one for global services such as STS and IAM). */
    public Optional<String> configuredRegion() {
        return Optional.ofNullable(settings.region());
    }

    /** json (default), text, table, yaml or yaml-stream: flag, AWS_DEFAULT_OUTPUT, then the profile's output. */
    public String output() {
        return settings.output();
    }

    /** base64 (default) or raw-in-base64-out. */
    public String binaryFormat() {
        return settings.binaryFormat();
    }

    /** Whether to colour output (--color on|off|auto; auto means stdout is a terminal). */
    public boolean color() {
        return settings.color().equals("on") || (settings.color().equals("auto") && io.stdoutIsTerminal());
    }

    /**
     * cli_auto_prompt: "on", "on-partial" or "off" (default) from --cli-auto-prompt / --no-cli-auto-prompt,
     * AWS_CLI_AUTO_PROMPT, then the profile.
     */
    public String autoPrompt() {
        return settings.autoPrompt();
    }

    /** cli_timestamp_format of the profile: "iso8601" (aws v2's default) or "wire" (as the service sent it). */
    public String timestampFormat() {
        return settings.timestampFormat();
    }

    /** The pager command (AWS_PAGER, cli_pager, PAGER, "less -R"), or empty when paging is off. */
    public Optional<String> pager() {
        return Optional.ofNullable(settings.pager()).filter(p -> !p.isBlank());
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
        Optional<URI> endpoint = endpoints.endpoint(serviceId);
        String clientRegion = regionFor(serviceId, endpoint);
        if (endpoint.map(uri -> !"http".equalsIgnoreCase(uri.getScheme())).orElse(true)) {
            trust.checkBundle(endpoint.map(URI::toString)
                    .orElse("https://" + serviceId + "." + clientRegion + ".amazonaws.com/"));
        }
        AwsCredentialsProvider provider = options.noSignRequest() ? AnonymousCredentialsProvider.create()
                : StaticCredentialsProvider.create(credentials());
        return configure(builder, clientRegion, endpoint, provider);
    }

    /**
     * The route of a call sent without an SDK client (the JSON protocols' direct calls), or empty when such a call
     * must take the SDK client instead: no configured endpoint (the SDK's endpoint rules then decide where it goes),
     * --debug (the SDK's trace), the adaptive retry mode (its client-side rate limiter), FIPS or dual-stack endpoints
     * asked for, or GATEPASS_DIRECT_CALLS=off.
     */
    public Optional<ServiceRoute> directRoute(String serviceId) {
        Map<String, String> env = io.env();
        if (options.debug() || "off".equalsIgnoreCase(String.valueOf(env.get("GATEPASS_DIRECT_CALLS")).trim())
                || retry().mode() == software.amazon.awssdk.core.retry.RetryMode.ADAPTIVE_V2
                || enabled(env.get("AWS_USE_FIPS_ENDPOINT"), "use_fips_endpoint")
                || enabled(env.get("AWS_USE_DUALSTACK_ENDPOINT"), "use_dualstack_endpoint")) {
            return Optional.empty();
        }
        Optional<URI> endpoint = endpoints.endpoint(serviceId);
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        URI uri = endpoint.get();
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            trust.checkBundle(uri.toString());
        }
        RetrySettings retry = retry();
        return Optional.of(new ServiceRoute(uri, region(), options.noSignRequest() ? null
                : StaticCredentialsProvider.create(credentials()).resolveCredentials(), connections(), retry.attempts(),
                retry.mode(), retry::strategy, appId()));
    }

    /** As the SDK client resolves it: aws.userAgentAppId, AWS_SDK_UA_APP_ID, then the profile's sdk_ua_app_id. */
    private String appId() {
        return ConfigFiles.firstNonBlank(System.getProperty("aws.userAgentAppId"), io.env().get("AWS_SDK_UA_APP_ID"),
                files.setting("sdk_ua_app_id").orElse(null));
    }

    private boolean enabled(String fromEnv, String setting) {
        String value = ConfigFiles.firstNonBlank(fromEnv, files.setting(setting).orElse(null));
        return value != null && value.trim().equalsIgnoreCase("true");
    }

    private synchronized ConnectionOpener connections() {
        if (connections == null) {
            connections = HttpTransport.opener(connectTimeout, readTimeout, trust, new EnvironmentProxies(io.env()),
                    io.err());
        }
        return connections;
    }

    /**
     * Where command output goes: stdout, or the pager (--no-cli-pager, AWS_PAGER, cli_pager; default "less -R")
     * when stdout is a terminal and the pager program is installed. Closing the stream waits for the pager.
     */
    public PrintStream openOutput() {
        Optional<String> pager = pager().filter(command -> io.stdoutIsTerminal())
                .filter(command -> PagerStream.installed(command, io.env()));
        if (pager.isPresent()) {
            return new PrintStream(new PagerStream(pager.get(), io.env(), io.out(), io.err()), true,
                    StandardCharsets.UTF_8);
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
                    regionFor("sts", stsEndpoint), stsEndpoint, StaticCredentialsProvider.create(source)),
                    stsEndpoint.map(URI::toString).orElse("sts." + regionFor("sts", stsEndpoint)),
                    new AssumedRoleCache(io.home().resolve(".aws/cli/cache"), java.time.Clock.systemUTC()), log)
                    .resolve();
        }
        return credentials;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C configure(
            B builder, String clientRegion, Optional<URI> endpoint, AwsCredentialsProvider provider) {
        builder.httpClient(http())
                .putAuthScheme(GivenContentHashSigner.authScheme())
                .region(Region.of(clientRegion))
                .credentialsProvider(provider)
                .overrideConfiguration(o -> {
                    o.defaultProfileFile(files.file()).defaultProfileName(files.profileName());
                    o.retryStrategy(retry().strategy());
                    endpoint.ifPresent(uri -> o.addExecutionInterceptor(new EndpointPath(uri)));
                    if (log.enabled()) {
                        o.addExecutionInterceptor(new DebugTrace(log));
                    }
                });
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = HttpTransport.create(connectTimeout, readTimeout, trust, new EnvironmentProxies(io.env()),
                    io.err());
        }
        return http;
    }

    /** As aws: the global services STS and IAM need no region unless their endpoint is configured. */
    private String regionFor(String serviceId, Optional<URI> endpoint) {
        if (settings.region() == null && endpoint.isEmpty() && (serviceId.equals("sts") || serviceId.equals("iam"))) {
            return GLOBAL_SERVICE_REGION;
        }
        return region();
    }
}
