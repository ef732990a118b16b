package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.core.codeartifact.PackageAsset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The checksums Maven repositories serve beside every file, by the suffix of their file names. */
public enum ChecksumAlgorithm {
    MD5("md5", "MD5", 32),
    SHA1("sha1", "SHA-1", 40),
    SHA256("sha256", "SHA-256", 64),
    SHA512("sha512", "SHA-512", 128);

    private final String suffix;
    private final String jcaName;
    private final int hexLength;

    ChecksumAlgorithm(String suffix, String jcaName, int hexLength) {
        this.suffix = suffix;
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** The file name suffix without its dot: {@code sha1} for {@code lib-1.0.jar.sha1}. */
    public String suffix() {
        return suffix;
    }

    /** Hex digits in a checksum of this kind. */
    public int hexLength() {
        return hexLength;
    }

    /** The algorithm whose suffix ends {@code fileName} (after a dot), if any. */
    public static Optional<ChecksumAlgorithm> ofFileName(String fileName) {
        for (ChecksumAlgorithm algorithm : values()) {
            if (fileName.length() > algorithm.suffix.length() + 1 && fileName.endsWith("." + algorithm.suffix)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The stored asset's checksum of this kind, lower-case hex. */
    public String of(PackageAsset asset) {
        return switch (this) {
            case MD5 -> asset.md5();
            case SHA1 -> asset.sha1();
            case SHA256 -> asset.sha256();
            case SHA512 -> asset.sha512();
        };
    }

    /** The checksum of {@code bytes}, lower-case hex. */
    public String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jcaName).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is part of every JDK", e);
        }
    }
}
