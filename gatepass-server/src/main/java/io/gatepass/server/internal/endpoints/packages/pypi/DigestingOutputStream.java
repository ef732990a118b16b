package io.gatepass.server.internal.endpoints.packages.pypi;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes on while computing MD5, SHA-256 and BLAKE2b-256 of them. */
final class DigestingOutputStream extends FilterOutputStream {
    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha256 = digest("SHA-256");
    private final Blake2b256 blake2 = new Blake2b256();

    DigestingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        md5.update(bytes, offset, length);
        sha256.update(bytes, offset, length);
        blake2.update(bytes, offset, length);
        out.write(bytes, offset, length);
    }

    FileDigests digests() {
        HexFormat hex = HexFormat.of();
        return new FileDigests(hex.formatHex(md5.digest()), hex.formatHex(sha256.digest()),
                hex.formatHex(blake2.digest()));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
