package io.gatepass.server.internal.endpoints.packages.pypi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builds multipart upload bodies laid out as twine lays them out (fields, then the file). */
final class UploadBodies {
    static final String BOUNDARY = "3f9c1e0a8b2d4c6e9f0a1b2c3d4e5f60";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private String filename;
    private byte[] file;
    private boolean fileFirst;

    /** The fields twine sends for a wheel of {@code name} {@code version} holding {@code file}, digests included. */
    static UploadBodies wheel(String name, String version, byte[] file) {
        String escaped = ProjectNames.escapedForFilename(name);
        return twine(name, version, escaped + "-" + version + "-py3-none-any.whl", "bdist_wheel", "py3", file);
    }

    static UploadBodies sdist(String name, String version, byte[] file) {
        String escaped = ProjectNames.escapedForFilename(name).toLowerCase();
        return twine(name, version, escaped + "-" + version + ".tar.gz", "sdist", "source", file);
    }

    private static UploadBodies twine(String name, String version, String filename, String filetype,
                                      String pyversion, byte[] file) {
        UploadBodies body = new UploadBodies();
        body.field("name", name).field("version", version).field("filetype", filetype)
                .field("pyversion", pyversion).field("metadata_version", "2.1")
                .field("summary", "A tiny package").field("home_page", "https://example.com/tiny")
                .field("author", "Ada").field("author_email", "ada@example.com").field("license", "MIT")
                .field("description", "# Tiny\n\nSays hello.\n")
                .field("description_content_type", "text/markdown")
                .field("classifiers", "Programming Language :: Python :: 3")
                .field("classifiers", "License :: OSI Approved :: MIT License")
                .field("requires_dist", "requests>=2")
                .field("requires_python", ">=3.8")
                .field("comment", "")
                .field(":action", "file_upload").field("protocol_version", "1")
                .field("md5_digest", hex("MD5", file)).field("sha256_digest", hex("SHA-256", file))
                .field("blake2_256_digest", new String(blake2(file)));
        body.filename = filename;
        body.file = file;
        return body;
    }

    UploadBodies field(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    UploadBodies without(String name) {
        fields.removeIf(e -> e.getKey().equals(name));
        return this;
    }

    UploadBodies replace(String name, String value) {
        return without(name).field(name, value);
    }

    /** The same upload under another file name (digests unchanged). */
    UploadBodies renamed(String newFilename) {
        filename = newFilename;
        return this;
    }

    UploadBodies fileFirst() {
        fileFirst = true;
        return this;
    }

    String filename() {
        return filename;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (fileFirst) {
            filePart(out);
        }
        for (Map.Entry<String, String> field : fields) {
            write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n");
            write(out, field.getValue());
            write(out, "\r\n");
        }
        if (!fileFirst) {
            filePart(out);
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private void filePart(ByteArrayOutputStream out) {
        if (file == null) {
            return;
        }
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static char[] blake2(byte[] data) {
        Blake2b256 digest = new Blake2b256();
        digest.update(data, 0, data.length);
        return HexFormat.of().formatHex(digest.digest()).toCharArray();
    }
}
