package io.gatepass.cli;

import io.gatepass.server.config.AuditSettings;
import io.gatepass.server.config.ServerConfig;

/**
 * The settings of {@code gatepass serve}, each declared once: flag, parameter label, default and {@code --help}
 * description; the environment variable ({@code GATEPASS_<NAME>}) and YAML key ({@code <name>} with hyphens) follow
 * from the constant's name. Precedence: default &lt; config file &lt; environment &lt; flag.
 * <p>
 * To add a setting: add a constant here (its description says its default), read it in
 * {@link ServeCommand#call()} with {@link SettingsResolver#get} or a typed getter, and add its row to the README's
 * configuration table ({@code SettingDeclarationsTest} fails until it is there).
 */
public enum Setting implements SettingKey {
    PORT("--port", "PORT", String.valueOf(ServerConfig.DEFAULT_PORT), "TCP port (default 9700; 0 picks a free one)"),
    BIND("--bind", "ADDRESS", ServerConfig.DEFAULT_BIND, "Address to listen on (default 127.0.0.1)"),
    DATA_DIR("--data-dir", "DIR", ServerConfig.DEFAULT_DATA_DIR, "Data directory (default ./gatepass-data)"),
    STORE("--store", "JDBC_URL", null, "Store: default is the embedded H2 database in the data dir; "
            + "jdbc:postgresql://host:5432/db?user=... selects PostgreSQL"),
    REGION("--region", "REGION", ServerConfig.DEFAULT_REGION, "Region this server answers for (default us-east-1)"),
    LOG_FORMAT("--log-format", "text|json", ServerConfig.DEFAULT_LOG_FORMAT, "Log format (default text)"),
    MAX_BODY_BYTES("--max-body-bytes", "BYTES", String.valueOf(ServerConfig.DEFAULT_MAX_BODY_BYTES),
            "Largest request body (default 1048576)"),
    COMPUTE_TOKEN_TTL("--compute-token-ttl", "DURATION", "3h",
            "Lifetime of GameLift compute auth tokens, e.g. 3h, 90m (default 3h)"),
    PUBLIC_URL("--public-url", "URL", null,
            "Base URL package clients reach this server at (default: the server's own address)"),
    TLS_PORT("--tls-port", "PORT|off", String.valueOf(ServerConfig.Tls.DEFAULT_PORT),
            "TLS (https, wss) port (default 9443; 0 picks a free one; off for none)"),
    TLS_CERT("--tls-cert", "PEM_FILE", null,
            "TLS certificate chain, PEM (default: a self-signed certificate in <data-dir>/tls/)"),
    TLS_KEY("--tls-key", "PEM_FILE", null, "Private key of --tls-cert, PEM (PKCS#8; RSA or EC)"),
    ADVERTISED_HOST("--advertised-host", "HOST", null,
            "Host name or address game servers reach this server at (default: the bind address; "
                    + "the machine's host name when bound to 0.0.0.0 or ::)"),
    MAX_ASSET_BYTES("--max-asset-bytes", "BYTES", String.valueOf(ServerConfig.DEFAULT_MAX_ASSET_BYTES),
            "Largest package upload (npm publish, wheel, jar) in bytes (default 5000000000)"),
    THROTTLING("--throttling", "generous|aws|off", "generous",
            "Throttling profile: generous (default; nothing one machine sends is throttled), aws "
                    + "(AWS's published quotas, for realistic testing) or off"),
    THROTTLING_QUOTAS("--throttling-quotas", "NAME=RATE[/BURST],...", null,
            "Quotas replacing the profile's, e.g. gamelift:GetComputeAuthToken=5/10,sts:*=600,"
                    + "repository-token=1200"),
    AUDIT_LOG("--audit-log", "FILE|off", null,
            "Audit log file (default <data-dir>/audit/audit.log; off for none)"),
    AUDIT_MAX_FILE_BYTES("--audit-max-file-bytes", "BYTES", String.valueOf(AuditSettings.DEFAULT_MAX_FILE_BYTES),
            "Rotate the audit log before it grows past this size (default 104857600)"),
    AUDIT_ROTATE_DAILY("--audit-rotate-daily", "true|false", "true",
            "Also rotate the audit log at each new UTC day (default true)"),
    AUDIT_RETAIN_FILES("--audit-retain-files", "N", String.valueOf(AuditSettings.DEFAULT_RETAIN_FILES),
            "Rotated audit logs kept (default 30)"),
    AUDIT_READS("--audit-reads", "true|false", "false",
            "Also audit read-only calls: Describe, List, Get, Search (default false)"),
    IDLE_TIMEOUT("--idle-timeout", "DURATION", "5m", "Close a connection with no traffic for this long (default 5m)"),
    HEADER_READ_TIMEOUT("--header-read-timeout", "DURATION", "10s",
            "Close a new connection silent this long before its first request head is complete (default 10s)"),
    BODY_READ_TIMEOUT("--body-read-timeout", "DURATION", "60s",
            "Answer 408 to an API request whose body takes longer than this (default 60s)"),
    MAX_CONNECTIONS("--max-connections", "N", "10000", "Open connections in all (default 10000)"),
    MAX_CONNECTIONS_PER_CLIENT("--max-connections-per-client", "N", "1000",
            "Open connections from one client address (default 1000)"),
    MAX_HEADER_COUNT("--max-header-count", "N", "100", "Headers in one request (default 100)"),
    MAX_HEADER_BYTES("--max-header-bytes", "BYTES", "16384", "Size of a request's headers (default 16384)"),
    MAX_QUERY_BYTES("--max-query-bytes", "BYTES", "16384", "Length of a query string (default 16384)"),
    MAX_NESTING_DEPTH("--max-nesting-depth", "N", "32", "Depth of objects and lists in a request (default 32)"),
    MAX_LIST_LENGTH("--max-list-length", "N", "1000", "Members of a list in a request (default 1000)"),
    EXTERNAL_CONNECTIONS(Form.REPEATABLE_OPTION, "--external-connection", "NAME=URL", null,
            "Fetch an external connection from URL instead of its public registry, e.g. "
                    + "public:npmjs=https://npm-mirror.example (a mirror; a local registry for air-gapped sites); "
                    + "repeat for several, or NAME=URL,NAME=URL"),
    UPSTREAM_TIMEOUT("--upstream-timeout", "DURATION", "30s",
            "How long a fetch from a public registry may take; then metadata is served from what the "
                    + "repository holds, or 504 (default 30s)"),
    UPSTREAM_CONNECT_TIMEOUT("--upstream-connect-timeout", "DURATION", "5s",
            "How long connecting to a public registry may take (default 5s)"),
    TOKEN_KEY_ROTATION("--token-key-rotation", "DURATION|off", "30d",
            "How often one node adds a new token signing key, e.g. 30d, 12h (default 30d; off for never)"),
    CONFIG(Form.CONFIG_FILE, "--config", "FILE", null, "YAML file with settings (keys as the long options)"),
    MASTER_KEY(Form.ENVIRONMENT, null, null, null, "base64 of 32 bytes; encrypts secrets at rest"),
    ACCOUNT_ID(Form.ENVIRONMENT, null, null, null, "the 12-digit account id to create on first start"),
    ADMIN_ACCESS_KEY_ID(Form.ENVIRONMENT, null, null, null, "the administrator access key id to create on first start"),
    ADMIN_SECRET_ACCESS_KEY(Form.ENVIRONMENT, null, null, null,
            "the administrator secret access key to create on first start");

    /** The prefix of every environment variable of {@code serve}. */
    public static final String ENV_PREFIX = "GATEPASS_";

    private final Declaration declaration;

    Setting(String flag, String paramLabel, String defaultValue, String description) {
        this(Form.OPTION, flag, paramLabel, defaultValue, description);
    }

    Setting(Form form, String flag, String paramLabel, String defaultValue, String description) {
        this.declaration = new Declaration(form, flag, paramLabel, defaultValue, description);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }

    @Override
    public String envPrefix() {
        return ENV_PREFIX;
    }
}
