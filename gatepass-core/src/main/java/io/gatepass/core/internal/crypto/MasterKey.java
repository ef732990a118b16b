package io.gatepass.core.internal.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The 256-bit key that encrypts secrets at rest. It lives outside the database: in {@code GATEPASS_MASTER_KEY}
 * (base64) when set — every node sharing one PostgreSQL store needs the same one — or else in
 * {@code <data-dir>/master.key} (created with mode 0600 on first start).
 */
public final class MasterKey {
    public static final String FILE_NAME = "master.key";
    private static final int KEY_BYTES = 32;

    private final byte[] bytes;

    private MasterKey(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be 32 bytes (base64-encoded), got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static MasterKey fromBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not valid base64 of 32 bytes", e);
        }
    }

    /** Uses {@code configured} when given, else reads or creates the key file in {@code dataDir}. */
    public static MasterKey load(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return fromBase64(configured);
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return fromBase64(Files.readString(file));
        }
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(dataDir);
        PrivateFiles.write(file, Base64.getEncoder().encodeToString(fresh) + "\n");
        return new MasterKey(fresh);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
