package io.gatepass.server.internal.bootstrap;

import io.gatepass.core.internal.crypto.PrivateFiles;
import io.gatepass.core.internal.crypto.SecretCipher;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.Account;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.internal.identity.KeyIssuer;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * First start: creates the account and its administrator (root) access key, and writes them to
 * {@code <data-dir>/admin-credentials} (profile {@code gatepass}, mode 0600) with the region in {@code admin-config}.
 * Known values from the configuration replace the random ones. Later starts reuse what is stored, and fail fast
 * when the master key cannot open it.
 */
public final class AdminBootstrap {
    public static final String CREDENTIALS_FILE = "admin-credentials";
    public static final String CONFIG_FILE = "admin-config";
    public static final String PROFILE = "gatepass";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");

    private final Store store;
    private final KeyIssuer issuer;
    private final IdGenerator ids;

    public AdminBootstrap(Store store, KeyIssuer issuer, IdGenerator ids) {
        this.store = store;
        this.issuer = issuer;
        this.ids = ids;
    }

    /** What the start found or made. {@code created} is true on the very first start. */
    public record Outcome(String accountId, boolean created, Path credentialsFile, Path configFile) {
    }

    public Outcome run(ServerConfig config, Instant now) {
        ServerConfig.Bootstrap known = config.bootstrap();
        check(known);
        Path credentials = config.dataDir().resolve(CREDENTIALS_FILE);
        Path profileConfig = config.dataDir().resolve(CONFIG_FILE);
        var existing = store.accounts().findBootstrap();
        if (existing.isEmpty()) {
            String candidate = known.accountId() != null ? known.accountId() : ids.accountId();
            Account bootstrap = store.accounts()
                    .createBootstrap(new Account(candidate, now.truncatedTo(ChronoUnit.SECONDS)));
            if (bootstrap.accountId().equals(candidate)) {
                return firstStart(candidate, config, now, credentials, profileConfig);
            }
            existing = java.util.Optional.of(bootstrap); // another node's first start won the race: join it
        }
        String accountId = existing.get().accountId();
        verifyMasterKey(accountId);
        ensureKnownKey(accountId, known, now);
        return new Outcome(accountId, false, credentials, profileConfig);
    }

    /** This node created the account: it issues the administrator's key and writes the profile files. */
    private Outcome firstStart(String accountId, ServerConfig config, Instant now, Path credentials,
                               Path profileConfig) {
        ServerConfig.Bootstrap known = config.bootstrap();
        KeyIssuer.IssuedKey key = issuer.issueAccessKey(accountId, null, now, known.accessKeyId(),
                known.secretAccessKey());
        write(credentials, "[" + PROFILE + "]\n"
                + "aws_access_key_id = " + key.key().accessKeyId() + "\n"
                + "aws_secret_access_key = " + key.secret() + "\n");
        write(profileConfig, "[profile " + PROFILE + "]\nregion = " + config.region() + "\n");
        return new Outcome(accountId, true, credentials, profileConfig);
    }

    private static void check(ServerConfig.Bootstrap known) {
        if (known.accountId() != null && !ACCOUNT_ID.matcher(known.accountId()).matches()) {
            throw new IllegalArgumentException("GATEPASS_ACCOUNT_ID must be 12 digits");
        }
        if ((known.accessKeyId() == null) != (known.secretAccessKey() == null)) {
            throw new IllegalArgumentException(
                    "GATEPASS_ADMIN_ACCESS_KEY_ID and GATEPASS_ADMIN_SECRET_ACCESS_KEY must be set together");
        }
        if (known.accessKeyId() != null && !ACCESS_KEY_ID.matcher(known.accessKeyId()).matches()) {
            throw new IllegalArgumentException("GATEPASS_ADMIN_ACCESS_KEY_ID must be 16 to 128 upper-case letters "
                    + "and digits (AWS's form is AKIA followed by 16)");
        }
        if (known.secretAccessKey() != null && known.secretAccessKey().length() < 16) {
            throw new IllegalArgumentException("GATEPASS_ADMIN_SECRET_ACCESS_KEY is too short (AWS secrets are 40)");
        }
    }

    private void verifyMasterKey(String accountId) {
        List<AccessKey> rootKeys = store.accessKeys().list(accountId, null);
        for (AccessKey key : rootKeys) {
            try {
                issuer.secretOf(key.accessKeyId(), key.encryptedSecret());
            } catch (SecretCipher.WrongMasterKeyException e) {
                throw new IllegalStateException("The master key does not open the secrets in this store. Start with "
                        + "the master key it was created with (GATEPASS_MASTER_KEY or <data-dir>/master.key).");
            }
        }
    }

    /** A known administrator key given on a later start is added if missing and must match if present. */
    private void ensureKnownKey(String accountId, ServerConfig.Bootstrap known, Instant now) {
        if (known.accessKeyId() == null) {
            return;
        }
        var stored = store.accessKeys().find(known.accessKeyId());
        if (stored.isEmpty()) {
            try {
                issuer.issueAccessKey(accountId, null, now, known.accessKeyId(), known.secretAccessKey());
                return;
            } catch (DuplicateEntityException e) { // a node starting at the same moment added it: compare below
                stored = store.accessKeys().find(known.accessKeyId());
            }
        }
        String secret = issuer.secretOf(stored.get().accessKeyId(), stored.get().encryptedSecret());
        if (!java.security.MessageDigest.isEqual(secret.getBytes(), known.secretAccessKey().getBytes())) {
            throw new IllegalStateException("GATEPASS_ADMIN_SECRET_ACCESS_KEY does not match the stored secret of "
                    + known.accessKeyId());
        }
    }

    private static void write(Path file, String content) {
        try {
            PrivateFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
