package io.gatepass.cli;

/**
 * The settings of {@code gatepass serve}, each with its flag, environment variable and YAML key in one place.
 * Precedence: default &lt; config file &lt; environment &lt; flag.
 */
enum Setting implements SettingKey {
    PORT("--port", "GATEPASS_PORT", "port", "9700"),
    BIND("--bind", "GATEPASS_BIND", "bind", "127.0.0.1"),
    DATA_DIR("--data-dir", "GATEPASS_DATA_DIR", "data-dir", "./gatepass-data"),
    STORE("--store", "GATEPASS_STORE", "store", null),
    REGION("--region", "GATEPASS_REGION", "region", "us-east-1"),
    LOG_FORMAT("--log-format", "GATEPASS_LOG_FORMAT", "log-format", "text"),
    MAX_BODY_BYTES("--max-body-bytes", "GATEPASS_MAX_BODY_BYTES", "max-body-bytes", "1048576"),
    COMPUTE_TOKEN_TTL("--compute-token-ttl", "GATEPASS_COMPUTE_TOKEN_TTL", "compute-token-ttl", "3h"),
    PUBLIC_URL("--public-url", "GATEPASS_PUBLIC_URL", "public-url", null),
    TLS_PORT("--tls-port", "GATEPASS_TLS_PORT", "tls-port", "9443"),
    TLS_CERT("--tls-cert", "GATEPASS_TLS_CERT", "tls-cert", null),
    TLS_KEY("--tls-key", "GATEPASS_TLS_KEY", "tls-key", null),
    ADVERTISED_HOST("--advertised-host", "GATEPASS_ADVERTISED_HOST", "advertised-host", null),
    MAX_ASSET_BYTES("--max-asset-bytes", "GATEPASS_MAX_ASSET_BYTES", "max-asset-bytes", "5000000000"),
    THROTTLING("--throttling", "GATEPASS_THROTTLING", "throttling", "generous"),
    THROTTLING_QUOTAS("--throttling-quotas", "GATEPASS_THROTTLING_QUOTAS", "throttling-quotas", null),
    AUDIT_LOG("--audit-log", "GATEPASS_AUDIT_LOG", "audit-log", null),
    AUDIT_MAX_FILE_BYTES("--audit-max-file-bytes", "GATEPASS_AUDIT_MAX_FILE_BYTES", "audit-max-file-bytes",
            "104857600"),
    AUDIT_ROTATE_DAILY("--audit-rotate-daily", "GATEPASS_AUDIT_ROTATE_DAILY", "audit-rotate-daily", "true"),
    AUDIT_RETAIN_FILES("--audit-retain-files", "GATEPASS_AUDIT_RETAIN_FILES", "audit-retain-files", "30"),
    AUDIT_READS("--audit-reads", "GATEPASS_AUDIT_READS", "audit-reads", "false"),
    IDLE_TIMEOUT("--idle-timeout", "GATEPASS_IDLE_TIMEOUT", "idle-timeout", "5m"),
    HEADER_READ_TIMEOUT("--header-read-timeout", "GATEPASS_HEADER_READ_TIMEOUT", "header-read-timeout", "10s"),
    BODY_READ_TIMEOUT("--body-read-timeout", "GATEPASS_BODY_READ_TIMEOUT", "body-read-timeout", "60s"),
    MAX_CONNECTIONS("--max-connections", "GATEPASS_MAX_CONNECTIONS", "max-connections", "10000"),
    MAX_CONNECTIONS_PER_CLIENT("--max-connections-per-client", "GATEPASS_MAX_CONNECTIONS_PER_CLIENT",
            "max-connections-per-client", "1000"),
    MAX_HEADER_COUNT("--max-header-count", "GATEPASS_MAX_HEADER_COUNT", "max-header-count", "100"),
    MAX_HEADER_BYTES("--max-header-bytes", "GATEPASS_MAX_HEADER_BYTES", "max-header-bytes", "16384"),
    MAX_QUERY_BYTES("--max-query-bytes", "GATEPASS_MAX_QUERY_BYTES", "max-query-bytes", "16384"),
    MAX_NESTING_DEPTH("--max-nesting-depth", "GATEPASS_MAX_NESTING_DEPTH", "max-nesting-depth", "32"),
    MAX_LIST_LENGTH("--max-list-length", "GATEPASS_MAX_LIST_LENGTH", "max-list-length", "1000"),
    EXTERNAL_CONNECTIONS("--external-connection", "GATEPASS_EXTERNAL_CONNECTIONS", "external-connections", null),
    UPSTREAM_TIMEOUT("--upstream-timeout", "GATEPASS_UPSTREAM_TIMEOUT", "upstream-timeout", "30s"),
    UPSTREAM_CONNECT_TIMEOUT("--upstream-connect-timeout", "GATEPASS_UPSTREAM_CONNECT_TIMEOUT",
            "upstream-connect-timeout", "5s"),
    TOKEN_KEY_ROTATION("--token-key-rotation", "GATEPASS_TOKEN_KEY_ROTATION", "token-key-rotation", "30d");

    final String flag;
    final String env;
    final String yamlKey;
    final String defaultValue;

    Setting(String flag, String env, String yamlKey, String defaultValue) {
        this.flag = flag;
        this.env = env;
        this.yamlKey = yamlKey;
        this.defaultValue = defaultValue;
    }

    @Override
    public String flag() {
        return flag;
    }

    @Override
    public String env() {
        return env;
    }

    @Override
    public String yamlKey() {
        return yamlKey;
    }

    @Override
    public String defaultValue() {
        return defaultValue;
    }
}
