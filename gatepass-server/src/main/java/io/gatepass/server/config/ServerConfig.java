package io.gatepass.server.config;

import io.gatepass.server.internal.throttling.ThrottlingSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything `gatepass serve` is configured with, resolved once at start (defaults < file < environment < flags).
 *
 * @param port               TCP port; 0 picks a free one (tests)
 * @param bind               address to listen on
 * @param dataDir            where the embedded store, the master key and the admin credentials live
 * @param store              null for the embedded H2 store, or a JDBC URL ({@code jdbc:postgresql://...})
 * @param region             the region this server answers for; signatures must be scoped to it
 * @param logFormat          text or json
 * @param maxBodyBytes       requests with larger bodies are refused with 413
 * @param masterKey          base64 master key, or null to use/create {@code <dataDir>/master.key}
 * @param bootstrap          known values for the first-start administrator, or nulls for random ones
 * @param computeTokenTtl    how long a GameLift compute auth token is valid
 * @param publicUrl          the base URL clients reach this server at (for repository endpoints), or null for the
 *                           server's own address
 * @param advertisedHost     the host name or address computes reach this server at (the GameLift SDK websocket URL,
 *                           the self-signed certificate's names), or null for the bind address (the machine's host
 *                           name when bound to 0.0.0.0 or ::)
 * @param tls                the TLS listener, {@link Tls#OFF} (or null) for none
 * @param maxAssetBytes      the largest upload to a package endpoint (an npm publish, a wheel, a jar); larger ones
 *                           are refused with 413. Uploads are spooled to disk, never held in memory
 * @param throttling         token buckets per account and operation and per repository token, by profile
 *                           ({@link ThrottlingSettings#DEFAULT}, generous, when null)
 * @param audit              the audit log ({@link AuditSettings#DEFAULTS} when null)
 * @param limits             timeouts, connection caps and request shape limits ({@link Limits#DEFAULTS} if null)
 * @param externalConnections where external connections fetch from instead of the public registries: connection
 *                           name ({@code public:npmjs}) → base URL (a mirror; a local registry in tests); none if null
 * @param tokenKeys          token signing key rotation ({@link TokenKeySettings#DEFAULTS} if null)
 * @param upstreamTimeouts   how long a fetch from a public registry may take ({@link UpstreamTimeouts#DEFAULTS} if
 *                           null)
 * @param nodeHost           the host part of this node's name in the store's records, stable across restarts
 *                           ({@code gatepass serve} gives {@code HOSTNAME}); {@value #DEFAULT_NODE_HOST} if null
 */
public record ServerConfig(int port, String bind, Path dataDir, String store, String region, String logFormat,
                           int maxBodyBytes, String masterKey, Bootstrap bootstrap, Duration computeTokenTtl,
                           String publicUrl, String advertisedHost, Tls tls, long maxAssetBytes,
                           ThrottlingSettings throttling, AuditSettings audit,
                           Limits limits, java.util.Map<String, String> externalConnections,
                           TokenKeySettings tokenKeys, String nodeHost,
                           UpstreamTimeouts upstreamTimeouts) {

    /**
     * A configuration whose external connections fetch from the public registries, with the default token key
     * rotation.
     */
    public ServerConfig(int port, String bind, Path dataDir, String store, String region, String logFormat,
                        int maxBodyBytes, String masterKey, Bootstrap bootstrap, Duration computeTokenTtl,
                        String publicUrl, String advertisedHost, Tls tls, long maxAssetBytes,
                        ThrottlingSettings throttling, AuditSettings audit, Limits limits) {
        this(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap, computeTokenTtl,
                publicUrl, advertisedHost, tls, maxAssetBytes, throttling, audit, limits, null,
                TokenKeySettings.DEFAULTS, null, null);
    }

    /** This configuration with external connections fetching from other URLs (name → base URL). */
    public ServerConfig withExternalConnections(java.util.Map<String, String> urls) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, publicUrl, advertisedHost, tls, maxAssetBytes, throttling, audit, limits, urls,
                tokenKeys, nodeHost, upstreamTimeouts);
    }

    /** This configuration with the host part of the node's name (see {@code nodeHost}). */
    public ServerConfig withNodeHost(String host) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, publicUrl, advertisedHost, tls, maxAssetBytes, throttling, audit, limits,
                externalConnections, tokenKeys, host, upstreamTimeouts);
    }

    public static final String DEFAULT_NODE_HOST = "node";
    public static final int DEFAULT_PORT = 9700;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final String DEFAULT_DATA_DIR = "./gatepass-data";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_LOG_FORMAT = "text";
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_COMPUTE_TOKEN_TTL = Duration.ofHours(3);
    /** 5 GB, CodeArtifact's limit per asset. */
    public static final long DEFAULT_MAX_ASSET_BYTES = 5_000_000_000L;

    /** A configuration with the default compute token lifetime. */
    public ServerConfig(int port, String bind, Path dataDir, String store, String region, String logFormat,
                        int maxBodyBytes, String masterKey, Bootstrap bootstrap) {
        this(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                DEFAULT_COMPUTE_TOKEN_TTL, null);
    }

    /** A configuration whose TLS listener takes a free port and a self-signed certificate. */
    public ServerConfig(int port, String bind, Path dataDir, String store, String region, String logFormat,
                        int maxBodyBytes, String masterKey, Bootstrap bootstrap, Duration computeTokenTtl,
                        String publicUrl) {
        this(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap, computeTokenTtl,
                publicUrl, null, Tls.selfSigned(0), DEFAULT_MAX_ASSET_BYTES);
    }

    /** A configuration with the default (generous) throttling, the default audit log and the default limits. */
    public ServerConfig(int port, String bind, Path dataDir, String store, String region, String logFormat,
                        int maxBodyBytes, String masterKey, Bootstrap bootstrap, Duration computeTokenTtl,
                        String publicUrl, String advertisedHost, Tls tls, long maxAssetBytes) {
        this(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap, computeTokenTtl,
                publicUrl, advertisedHost, tls, maxAssetBytes, ThrottlingSettings.DEFAULT, AuditSettings.DEFAULTS,
                Limits.DEFAULTS);
    }

    /** This configuration with other throttling settings. */
    public ServerConfig withThrottling(ThrottlingSettings settings) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, publicUrl, advertisedHost, tls, maxAssetBytes, settings, audit, limits,
                externalConnections, tokenKeys, nodeHost, upstreamTimeouts);
    }

    /** This configuration with other audit log settings. */
    public ServerConfig withAudit(AuditSettings settings) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, publicUrl, advertisedHost, tls, maxAssetBytes, throttling, settings, limits,
                externalConnections, tokenKeys, nodeHost, upstreamTimeouts);
    }

    /** This configuration with other limits. */
    public ServerConfig withLimits(Limits other) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, publicUrl, advertisedHost, tls, maxAssetBytes, throttling, audit, other,
                externalConnections, tokenKeys, nodeHost, upstreamTimeouts);
    }

    /** This configuration with another package upload limit. */
    public ServerConfig withMaxAssetBytes(long bytes) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, publicUrl, advertisedHost, tls, bytes, throttling, audit, limits,
                externalConnections, tokenKeys, nodeHost, upstreamTimeouts);
    }

    /** This configuration with another public URL (the base of repository endpoints). */
    public ServerConfig withPublicUrl(String url) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, url, advertisedHost, tls, maxAssetBytes, throttling, audit, limits,
                externalConnections, tokenKeys, nodeHost, upstreamTimeouts);
    }

    /** This configuration with other token key rotation settings. */
    public ServerConfig withTokenKeys(TokenKeySettings settings) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, publicUrl, advertisedHost, tls, maxAssetBytes, throttling, audit, limits,
                externalConnections, settings, nodeHost, upstreamTimeouts);
    }

    /** This configuration with other timeouts for fetches from public registries. */
    public ServerConfig withUpstreamTimeouts(UpstreamTimeouts timeouts) {
        return new ServerConfig(port, bind, dataDir, store, region, logFormat, maxBodyBytes, masterKey, bootstrap,
                computeTokenTtl, publicUrl, advertisedHost, tls, maxAssetBytes, throttling, audit, limits,
                externalConnections, tokenKeys, nodeHost, timeouts);
    }

    public ServerConfig {
        if (upstreamTimeouts == null) {
            upstreamTimeouts = UpstreamTimeouts.DEFAULTS;
        }
        if (nodeHost == null || nodeHost.isBlank()) {
            nodeHost = DEFAULT_NODE_HOST;
        }
        if (tokenKeys == null) {
            tokenKeys = TokenKeySettings.DEFAULTS;
        }
        if (tls == null) {
            tls = Tls.OFF;
        }
        if (throttling == null) {
            throttling = ThrottlingSettings.DEFAULT;
        }
        if (audit == null) {
            audit = AuditSettings.DEFAULTS;
        }
        if (limits == null) {
            limits = Limits.DEFAULTS;
        }
        externalConnections = externalConnections == null ? java.util.Map.of()
                : java.util.Map.copyOf(externalConnections);
    }

    /**
     * The https (and wss) listener, on the same bind address as the plain one.
     *
     * @param port             TCP port, 0 for a free one, or -1 for no TLS listener
     * @param certificateChain PEM certificate chain (server certificate first), or null for the self-signed one
     *                         Gatepass keeps in {@code <dataDir>/tls/}
     * @param privateKey       PEM private key (PKCS#8; RSA or EC) of the certificate; given exactly when
     *                         {@code certificateChain} is
     */
    public record Tls(int port, Path certificateChain, Path privateKey) {
        public static final int DEFAULT_PORT = 9443;
        public static final Tls OFF = new Tls(-1, null, null);

        public Tls {
            if (port < -1 || port > 65535) {
                throw new IllegalArgumentException("TLS port " + port + " is not between 0 and 65535 (or -1 for off)");
            }
            if ((certificateChain == null) != (privateKey == null)) {
                throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both or neither");
            }
        }

        /** A listener with the self-signed certificate from the data dir. */
        public static Tls selfSigned(int port) {
            return new Tls(port, null, null);
        }

        public boolean enabled() {
            return port >= 0;
        }
    }

    /** Values that make the first start create a known account and administrator key. */
    public record Bootstrap(String accountId, String accessKeyId, String secretAccessKey) {
        public static final Bootstrap RANDOM = new Bootstrap(null, null, null);

        @Override
        public String toString() {
            return "Bootstrap[account=" + accountId + ", accessKeyId=" + accessKeyId + "]";
        }
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", bind=" + bind + ", dataDir=" + dataDir + ", store="
                + (store == null ? "h2" : store.replaceAll("password=[^&;]*", "password=***")) + ", region=" + region
                + ", logFormat=" + logFormat + ", maxBodyBytes=" + maxBodyBytes + ", computeTokenTtl=" + computeTokenTtl
                + ", advertisedHost=" + advertisedHost + ", tls=" + tls + ", maxAssetBytes=" + maxAssetBytes
                + ", throttling=" + throttling + ", audit=" + audit + ", limits=" + limits + "]";
    }
}
