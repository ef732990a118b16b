package io.gatepass.server.it.pypi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A tiny pure-Python project built by hand, since no build backend is available offline: a wheel (a zip with the
 * module and its {@code .dist-info}: METADATA, WHEEL, RECORD) and an sdist (a ustar tar.gz with PKG-INFO, the
 * module and a pyproject.toml).
 */
final class TinyDistributions {
    static final String MODULE = "tiny_gatepass_demo";

    /** The project's display name; pip and twine must find it as {@code tiny-gatepass-demo}. */
    static final String NAME = "Tiny_Gatepass.Demo";

    private TinyDistributions() {
    }

    static Path wheel(Path dir, String version) throws IOException {
        return wheel(dir, NAME, MODULE, version, "hello from gatepass");
    }

    /** A wheel of another project: {@code module/__init__.py} holding {@code greeting}. */
    static Path wheel(Path dir, String name, String module, String version, String greeting) throws IOException {
        String distInfo = module + "-" + version + ".dist-info/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(module + "/__init__.py", ("VERSION = \"" + version + "\"\nGREETING = \"" + greeting + "\"\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "METADATA", metadata(name, version));
        files.put(distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: gatepass-test\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        files.forEach((file, bytes) -> record.append(file).append(",sha256=").append(Base64.getUrlEncoder()
                .withoutPadding().encodeToString(sha256(bytes))).append(',').append(bytes.length).append('\n'));
        record.append(distInfo).append("RECORD,,\n");
        files.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = dir.resolve(module + "-" + version + "-py3-none-any.whl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return wheel;
    }

    static Path sdist(Path dir, String version) throws IOException {
        String root = MODULE + "-" + version + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(root + "PKG-INFO", metadata(NAME, version));
        files.put(root + "pyproject.toml", ("[build-system]\nrequires = [\"setuptools\"]\n"
                + "build-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"" + NAME + "\"\nversion = \""
                + version + "\"\n").getBytes(StandardCharsets.UTF_8));
        files.put(root + MODULE + "/__init__.py", ("VERSION = \"" + version + "\"\n").getBytes(StandardCharsets.UTF_8));
        Path sdist = dir.resolve(MODULE + "-" + version + ".tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sdist))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.write(tarHeader(file.getKey(), file.getValue().length));
                out.write(file.getValue());
                out.write(new byte[(512 - file.getValue().length % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
        return sdist;
    }

    private static byte[] metadata(String name, String version) {
        return ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
                + "Summary: A tiny package served by Gatepass\nLicense: MIT\nRequires-Python: >=3.8\n"
                + "Classifier: Programming Language :: Python :: 3\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A POSIX ustar header for a regular file. */
    private static byte[] tarHeader(String name, long size) {
        byte[] header = new byte[512];
        put(header, 0, name, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format("%011o", size), 12);
        put(header, 136, String.format("%011o", 1_700_000_000L), 12);
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum), 7);
        return header;
    }

    private static void put(byte[] header, int offset, String text, int length) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
