package io.gatepass.cli;

import io.gatepass.server.GatepassServer;
import io.gatepass.server.internal.bootstrap.AdminBootstrap;
import io.gatepass.server.config.AuditSettings;
import io.gatepass.server.config.Limits;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.config.TokenKeySettings;
import io.gatepass.server.internal.throttling.ThrottlingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code gatepass serve}: runs the server until SIGTERM or SIGINT, then drains and exits 0. */
@Command(name = "serve", mixinStandardHelpOptions = true, modelTransformer = ServeCommand.Options.class,
        description = "Run the Gatepass server. Each option can also be set as GATEPASS_<NAME> in the environment "
                + "or in a YAML file given with --config.")
final class ServeCommand implements Callable<Integer> {
    /** An option for each {@link Setting} with a flag. */
    static final class Options extends SettingOptions.Transformer<Setting> {
        Options() {
            super(Setting.class);
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SettingsResolver<Setting> settings = new SettingsResolver<>(Setting.class,
                SettingOptions.given(spec, Setting.class), ProcessEnvironment.variables()::get);
        LogSetup.configure(settings.get(Setting.LOG_FORMAT));
        ServerConfig serverConfig = new ServerConfig(
                settings.getInt(Setting.PORT),
                settings.get(Setting.BIND),
                Path.of(settings.get(Setting.DATA_DIR)).toAbsolutePath().normalize(),
                settings.get(Setting.STORE),
                settings.get(Setting.REGION),
                settings.get(Setting.LOG_FORMAT),
                settings.getInt(Setting.MAX_BODY_BYTES),
                settings.get(Setting.MASTER_KEY),
                new ServerConfig.Bootstrap(settings.get(Setting.ACCOUNT_ID), settings.get(Setting.ADMIN_ACCESS_KEY_ID),
                        settings.get(Setting.ADMIN_SECRET_ACCESS_KEY)),
                settings.getDuration(Setting.COMPUTE_TOKEN_TTL),
                settings.get(Setting.PUBLIC_URL),
                settings.get(Setting.ADVERTISED_HOST),
                tls(settings),
                maxAssetBytes(settings.get(Setting.MAX_ASSET_BYTES)),
                throttling(settings),
                audit(settings),
                limits(settings))
                .withExternalConnections(externalConnections(settings.get(Setting.EXTERNAL_CONNECTIONS)))
                .withUpstreamTimeouts(upstreamTimeouts(settings))
                .withTokenKeys(new TokenKeySettings(TokenKeySettings.parseRotation(
                        settings.get(Setting.TOKEN_KEY_ROTATION), text -> settings.getDuration(Setting.TOKEN_KEY_ROTATION)),
                        TokenKeySettings.DEFAULT_RELOAD_PERIOD))
                .withNodeHost(nodeHost(ProcessEnvironment.variables()));
        GatepassServer server = GatepassServer.start(serverConfig);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            server.close();
            stopped.countDown();
        };
        Signals.onTermination(stop);
        announce(System.out, server, serverConfig);
        stopped.await();
        return 0;
    }

    private static void announce(PrintStream out, GatepassServer server, ServerConfig config) {
        AdminBootstrap.Outcome bootstrap = server.bootstrap();
        if (bootstrap.created()) {
            out.println("Created account " + bootstrap.accountId() + " and its administrator access key.");
        }
        out.println("Administrator credentials: " + bootstrap.credentialsFile().toAbsolutePath()
                + " (profile " + AdminBootstrap.PROFILE + ")");
        out.println("Try: AWS_SHARED_CREDENTIALS_FILE=" + bootstrap.credentialsFile().toAbsolutePath()
                + " AWS_CONFIG_FILE=" + bootstrap.configFile().toAbsolutePath()
                + " aws --profile " + AdminBootstrap.PROFILE + " --endpoint-url " + server.endpoint()
                + " sts get-caller-identity");
        if (server.tlsCertificatePath() != null) {
            out.println("TLS certificate: " + server.tlsCertificatePath() + " (trust it with aws --ca-bundle)");
        }
        out.println("Gatepass ready at " + server.endpoint()
                + (server.tlsEndpoint() == null ? "" : " and " + server.tlsEndpoint())
                + " (store " + server.store().kind() + ", region " + config.region() + ")"
                + "; console at " + server.endpoint() + io.gatepass.server.internal.endpoints.console.ConsoleRoute.PATH);
        out.flush();
    }

    /** {@code --upstream-connect-timeout} and {@code --upstream-timeout}: durations longer than zero. */
    static io.gatepass.server.config.UpstreamTimeouts upstreamTimeouts(SettingsResolver<Setting> settings) {
        return new io.gatepass.server.config.UpstreamTimeouts(settings.getDuration(Setting.UPSTREAM_CONNECT_TIMEOUT),
                settings.getDuration(Setting.UPSTREAM_TIMEOUT));
    }

    /** {@code NAME=URL,NAME=URL} → name → URL. */
    static Map<String, String> externalConnections(String value) {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return urls;
        }
        for (String entry : value.split(",")) {
            // the name holds ':' and the URL '=' only in its query, so the first '=' ends the name
            int equals = entry.indexOf('=');
            String name = equals < 0 ? "" : entry.substring(0, equals).strip();
            String url = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (name.isEmpty() || url.isEmpty()) {
                throw new IllegalArgumentException("--external-connection takes NAME=URL (e.g. "
                        + "public:npmjs=https://npm-mirror.example), got '" + entry.strip() + "'");
            }
            urls.put(name, url);
        }
        return urls;
    }

    /**
     * The TLS listener: {@code --tls-port off} (also {@code false}, which is how YAML reads an unquoted off) for
     * none; {@code --tls-cert} and {@code --tls-key} together, or neither for the self-signed certificate.
     */
    static ServerConfig.Tls tls(SettingsResolver<Setting> settings) {
        String certificate = settings.get(Setting.TLS_CERT);
        String key = settings.get(Setting.TLS_KEY);
        String port = settings.get(Setting.TLS_PORT).trim();
        if (port.equalsIgnoreCase("off") || port.equalsIgnoreCase("false")) {
            if (certificate != null || key != null) {
                throw new IllegalArgumentException(
                        "--tls-cert and --tls-key need a TLS listener, but --tls-port is off");
            }
            return ServerConfig.Tls.OFF;
        }
        if ((certificate == null) != (key == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both or neither");
        }
        int number = settings.getInt(Setting.TLS_PORT);
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("--tls-port must be a port from 0 to 65535 or off, got '" + port + "'");
        }
        return new ServerConfig.Tls(number, certificate == null ? null : Path.of(certificate).toAbsolutePath(),
                key == null ? null : Path.of(key).toAbsolutePath());
    }

    /** The throttling profile and quotas; an unquoted {@code off} in YAML reads as false, and means off. */
    static ThrottlingSettings throttling(SettingsResolver<Setting> settings) {
        String profile = settings.get(Setting.THROTTLING).strip();
        return ThrottlingSettings.parse(profile.equalsIgnoreCase("false") ? "off" : profile,
                settings.get(Setting.THROTTLING_QUOTAS));
    }

    /**
     * The audit log: {@code --audit-log off} (also {@code false}, as YAML reads an unquoted off) for none, a file, or
     * by default {@code <data-dir>/audit/audit.log}.
     */
    static AuditSettings audit(SettingsResolver<Setting> settings) {
        String file = settings.get(Setting.AUDIT_LOG);
        boolean off = file != null && (file.trim().equalsIgnoreCase("off") || file.trim().equalsIgnoreCase("false"));
        long maxBytes;
        try {
            maxBytes = Long.parseLong(settings.get(Setting.AUDIT_MAX_FILE_BYTES).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--audit-max-file-bytes must be a whole number of bytes, got '"
                    + settings.get(Setting.AUDIT_MAX_FILE_BYTES) + "'");
        }
        return new AuditSettings(!off, off || file == null ? null : Path.of(file.trim()).toAbsolutePath(), maxBytes,
                bool(settings, Setting.AUDIT_ROTATE_DAILY), settings.getInt(Setting.AUDIT_RETAIN_FILES),
                bool(settings, Setting.AUDIT_READS));
    }

    private static boolean bool(SettingsResolver<Setting> settings, Setting setting) {
        String value = settings.get(setting).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(setting.flag() + " must be true or false, got '" + value
                    + "'");
        };
    }

    /** Timeouts, connection caps and request shape limits (see {@link Limits}). */
    static Limits limits(SettingsResolver<Setting> settings) {
        return new Limits(settings.getDuration(Setting.IDLE_TIMEOUT), settings.getDuration(Setting.HEADER_READ_TIMEOUT),
                settings.getDuration(Setting.BODY_READ_TIMEOUT), settings.getInt(Setting.MAX_CONNECTIONS),
                settings.getInt(Setting.MAX_CONNECTIONS_PER_CLIENT), settings.getInt(Setting.MAX_HEADER_COUNT),
                settings.getInt(Setting.MAX_HEADER_BYTES), settings.getInt(Setting.MAX_QUERY_BYTES),
                settings.getInt(Setting.MAX_NESTING_DEPTH), settings.getInt(Setting.MAX_LIST_LENGTH));
    }

    /** The machine's name for this node's records in the store: {@code HOSTNAME}, else {@code COMPUTERNAME}. */
    static String nodeHost(Map<String, String> environment) {
        return environment.getOrDefault("HOSTNAME", environment.get("COMPUTERNAME"));
    }

    private static long maxAssetBytes(String value) {
        try {
            long bytes = Long.parseLong(value.strip());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--max-asset-bytes must be a positive whole number of bytes, got '"
                + value + "'");
    }
}
