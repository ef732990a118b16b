package io.gatepass.cli;

import io.gatepass.server.GatepassServer;
import io.gatepass.server.bootstrap.AdminBootstrap;
import io.gatepass.server.config.AuditSettings;
import io.gatepass.server.config.Limits;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.config.TokenKeySettings;
import io.gatepass.server.throttling.ThrottlingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code gatepass serve}: runs the server until SIGTERM or SIGINT, then drains and exits 0. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Gatepass server. Each option can also be set as GATEPASS_<NAME> in the environment "
                + "or in a YAML file given with --config.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 9700; 0 picks a free one)")
    String port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1)")
    String bind;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default ./gatepass-data)")
    String dataDir;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "Store: default is the embedded H2 database in the data dir; "
                    + "jdbc:postgresql://host:5432/db?user=... selects PostgreSQL")
    String store;

    @Option(names = "--region", paramLabel = "REGION", description = "Region this server answers for (default us-east-1)")
    String region;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Log format (default text)")
    String logFormat;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", description = "Largest request body (default 1048576)")
    String maxBodyBytes;

    @Option(names = "--compute-token-ttl", paramLabel = "DURATION",
            description = "Lifetime of GameLift compute auth tokens, e.g. 3h, 90m (default 3h)")
    String computeTokenTtl;

    @Option(names = "--token-key-rotation", paramLabel = "DURATION|off",
            description = "How often one node adds a new token signing key, e.g. 30d, 12h (default 30d; off for never)")
    String tokenKeyRotation;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL package clients reach this server at (default: the server's own address)")
    String publicUrl;

    @Option(names = "--tls-port", paramLabel = "PORT|off",
            description = "TLS (https, wss) port (default 9443; 0 picks a free one; off for none)")
    String tlsPort;

    @Option(names = "--tls-cert", paramLabel = "PEM_FILE",
            description = "TLS certificate chain, PEM (default: a self-signed certificate in <data-dir>/tls/)")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM_FILE",
            description = "Private key of --tls-cert, PEM (PKCS#8; RSA or EC)")
    String tlsKey;

    @Option(names = "--advertised-host", paramLabel = "HOST",
            description = "Host name or address game servers reach this server at (default: the bind address; "
                    + "the machine's host name when bound to 0.0.0.0 or ::)")
    String advertisedHost;

    @Option(names = "--max-asset-bytes", paramLabel = "BYTES",
            description = "Largest package upload (npm publish, wheel, jar) in bytes (default 5000000000)")
    String maxAssetBytes;

    @Option(names = "--throttling", paramLabel = "generous|aws|off",
            description = "Throttling profile: generous (default; nothing one machine sends is throttled), aws "
                    + "(AWS's published quotas, for realistic testing) or off")
    String throttling;

    @Option(names = "--throttling-quotas", paramLabel = "NAME=RATE[/BURST],...",
            description = "Quotas replacing the profile's, e.g. gamelift:GetComputeAuthToken=5/10,sts:*=600,"
                    + "repository-token=1200")
    String throttlingQuotas;

    @Option(names = "--audit-log", paramLabel = "FILE|off",
            description = "Audit log file (default <data-dir>/audit/audit.log; off for none)")
    String auditLog;

    @Option(names = "--audit-max-file-bytes", paramLabel = "BYTES",
            description = "Rotate the audit log before it grows past this size (default 104857600)")
    String auditMaxFileBytes;

    @Option(names = "--audit-rotate-daily", paramLabel = "true|false",
            description = "Also rotate the audit log at each new UTC day (default true)")
    String auditRotateDaily;

    @Option(names = "--audit-retain-files", paramLabel = "N", description = "Rotated audit logs kept (default 30)")
    String auditRetainFiles;

    @Option(names = "--audit-reads", paramLabel = "true|false",
            description = "Also audit read-only calls: Describe, List, Get, Search (default false)")
    String auditReads;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            description = "Close a connection with no traffic for this long (default 5m)")
    String idleTimeout;

    @Option(names = "--header-read-timeout", paramLabel = "DURATION",
            description = "Close a new connection without a complete request head after this long (default 10s)")
    String headerReadTimeout;

    @Option(names = "--body-read-timeout", paramLabel = "DURATION",
            description = "Answer 408 to an API request whose body takes longer than this (default 60s)")
    String bodyReadTimeout;

    @Option(names = "--max-connections", paramLabel = "N", description = "Open connections in all (default 10000)")
    String maxConnections;

    @Option(names = "--max-connections-per-client", paramLabel = "N",
            description = "Open connections from one client address (default 1000)")
    String maxConnectionsPerClient;

    @Option(names = "--max-header-count", paramLabel = "N", description = "Headers in one request (default 100)")
    String maxHeaderCount;

    @Option(names = "--max-header-bytes", paramLabel = "BYTES", description = "Size of a request's headers (default 16384)")
    String maxHeaderBytes;

    @Option(names = "--max-query-bytes", paramLabel = "BYTES", description = "Length of a query string (default 16384)")
    String maxQueryBytes;

    @Option(names = "--max-nesting-depth", paramLabel = "N",
            description = "Depth of objects and lists in a request (default 32)")
    String maxNestingDepth;

    @Option(names = "--max-list-length", paramLabel = "N", description = "Members of a list in a request (default 1000)")
    String maxListLength;

    @Option(names = "--external-connection", paramLabel = "NAME=URL",
            description = "Fetch an external connection from URL instead of its public registry, e.g. "
                    + "public:npmjs=https://npm-mirror.example (a mirror; a local registry for air-gapped sites); "
                    + "repeat for several, or NAME=URL,NAME=URL")
    java.util.List<String> externalConnections;

    @Option(names = "--upstream-timeout", paramLabel = "DURATION",
            description = "How long a fetch from a public registry may take; then metadata is served from what the "
                    + "repository holds, or 504 (default 30s)")
    String upstreamTimeout;

    @Option(names = "--upstream-connect-timeout", paramLabel = "DURATION",
            description = "How long connecting to a public registry may take (default 5s)")
    String upstreamConnectTimeout;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with settings (keys as the long options)")
    Path config;

    @Override
    public Integer call() throws Exception {
        SettingsResolver<Setting> settings = new SettingsResolver<>(Setting.class, flags(), System::getenv,
                config != null ? config : envPath("GATEPASS_CONFIG"));
        LogSetup.configure(settings.get(Setting.LOG_FORMAT));
        ServerConfig serverConfig = new ServerConfig(
                settings.getInt(Setting.PORT),
                settings.get(Setting.BIND),
                Path.of(settings.get(Setting.DATA_DIR)).toAbsolutePath().normalize(),
                settings.get(Setting.STORE),
                settings.get(Setting.REGION),
                settings.get(Setting.LOG_FORMAT),
                settings.getInt(Setting.MAX_BODY_BYTES),
                System.getenv("GATEPASS_MASTER_KEY"),
                new ServerConfig.Bootstrap(env("GATEPASS_ACCOUNT_ID"), env("GATEPASS_ADMIN_ACCESS_KEY_ID"),
                        env("GATEPASS_ADMIN_SECRET_ACCESS_KEY")),
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
                        TokenKeySettings.DEFAULT_RELOAD_PERIOD));
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
                + "; console at " + server.endpoint() + io.gatepass.server.endpoints.console.ConsoleRoute.PATH);
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
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("--external-connection takes NAME=URL (e.g. "
                        + "public:npmjs=https://npm-mirror.example), got '" + entry.strip() + "'");
            }
            // the name holds ':' and the URL '=' only in its query, so split at the first '=' after the name
            int first = entry.indexOf('=');
            urls.put(entry.substring(0, first).strip(), entry.substring(first + 1).strip());
        }
        return urls;
    }

    private Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (externalConnections != null && !externalConnections.isEmpty()) {
            flags.put(Setting.EXTERNAL_CONNECTIONS, String.join(",", externalConnections));
        }
        put(flags, Setting.PORT, port);
        put(flags, Setting.BIND, bind);
        put(flags, Setting.DATA_DIR, dataDir);
        put(flags, Setting.STORE, store);
        put(flags, Setting.REGION, region);
        put(flags, Setting.LOG_FORMAT, logFormat);
        put(flags, Setting.MAX_BODY_BYTES, maxBodyBytes);
        put(flags, Setting.COMPUTE_TOKEN_TTL, computeTokenTtl);
        put(flags, Setting.TOKEN_KEY_ROTATION, tokenKeyRotation);
        put(flags, Setting.PUBLIC_URL, publicUrl);
        put(flags, Setting.TLS_PORT, tlsPort);
        put(flags, Setting.TLS_CERT, tlsCert);
        put(flags, Setting.TLS_KEY, tlsKey);
        put(flags, Setting.ADVERTISED_HOST, advertisedHost);
        put(flags, Setting.MAX_ASSET_BYTES, maxAssetBytes);
        put(flags, Setting.THROTTLING, throttling);
        put(flags, Setting.THROTTLING_QUOTAS, throttlingQuotas);
        put(flags, Setting.AUDIT_LOG, auditLog);
        put(flags, Setting.AUDIT_MAX_FILE_BYTES, auditMaxFileBytes);
        put(flags, Setting.AUDIT_ROTATE_DAILY, auditRotateDaily);
        put(flags, Setting.AUDIT_RETAIN_FILES, auditRetainFiles);
        put(flags, Setting.AUDIT_READS, auditReads);
        put(flags, Setting.IDLE_TIMEOUT, idleTimeout);
        put(flags, Setting.HEADER_READ_TIMEOUT, headerReadTimeout);
        put(flags, Setting.BODY_READ_TIMEOUT, bodyReadTimeout);
        put(flags, Setting.MAX_CONNECTIONS, maxConnections);
        put(flags, Setting.MAX_CONNECTIONS_PER_CLIENT, maxConnectionsPerClient);
        put(flags, Setting.MAX_HEADER_COUNT, maxHeaderCount);
        put(flags, Setting.MAX_HEADER_BYTES, maxHeaderBytes);
        put(flags, Setting.MAX_QUERY_BYTES, maxQueryBytes);
        put(flags, Setting.MAX_NESTING_DEPTH, maxNestingDepth);
        put(flags, Setting.MAX_LIST_LENGTH, maxListLength);
        put(flags, Setting.UPSTREAM_TIMEOUT, upstreamTimeout);
        put(flags, Setting.UPSTREAM_CONNECT_TIMEOUT, upstreamConnectTimeout);
        return flags;
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

    private static void put(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
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

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static Path envPath(String name) {
        String value = env(name);
        return value == null ? null : Path.of(value);
    }
}
