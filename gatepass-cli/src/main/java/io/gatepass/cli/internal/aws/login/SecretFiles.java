package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes the configuration files a login puts a token in. A file that does not exist yet is created
 * readable by its owner only (0600); an existing one is rewritten in place, so its mode and any symbolic link stay.
 */
final class SecretFiles {

    private SecretFiles() {
    }

    /** The file's text, or null when it does not exist. */
    static String read(Path path) {
        if (!Files.exists(path)) {
            return null;
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.other("Could not read " + path + ": " + e.getMessage(), e);
        }
    }

    static void write(Path path, String content) {
        try {
            if (!Files.exists(path)) {
                Path parent = path.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                }
            }
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.other("Could not write " + path + ": " + e.getMessage(), e);
        }
    }
}
