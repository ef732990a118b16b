package io.gatepass.cli.internal.aws.config;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Temporary credentials of assumed roles kept between calls, as aws keeps them under ~/.aws/cli/cache, so a role
 * profile costs one AssumeRole per session rather than one per command. Entries are owner-only files named by a hash
 * of the STS endpoint, role, session settings and source key; one within 15 minutes of expiry is not used. Any
 * trouble reading or writing the cache only means assuming the role again.
 */
final class AssumedRoleCache {

    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(15);

    private final Path directory;
    private final Clock clock;

    AssumedRoleCache(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** A cache key from everything that makes one assumed-role session differ from another. */
    static String key(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "gatepass-" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<AwsSessionCredentials> get(String key) {
        Path file = directory.resolve(key + ".properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties entry = new Properties();
            entry.load(in);
            Instant expiration = Instant.parse(entry.getProperty("Expiration"));
            if (clock.instant().plus(REFRESH_BEFORE_EXPIRY).isAfter(expiration)) {
                return Optional.empty();
            }
            return Optional.of(AwsSessionCredentials.builder().accessKeyId(entry.getProperty("AccessKeyId"))
                    .secretAccessKey(entry.getProperty("SecretAccessKey"))
                    .sessionToken(entry.getProperty("SessionToken")).expirationTime(expiration).build());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void put(String key, Credentials credentials) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                setOwnerOnly(directory, "rwx------");
            }
            Path temp = Files.createTempFile(directory, key, ".tmp");
            try {
                setOwnerOnly(temp, "rw-------");
                Properties entry = new Properties();
                entry.setProperty("AccessKeyId", credentials.accessKeyId());
                entry.setProperty("SecretAccessKey", credentials.secretAccessKey());
                entry.setProperty("SessionToken", credentials.sessionToken());
                entry.setProperty("Expiration", credentials.expiration().toString());
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    entry.store(out, null);
                }
                Files.move(temp, directory.resolve(key + ".properties"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs another AssumeRole next time
        }
    }

    private static void setOwnerOnly(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default permissions
        }
    }
}
