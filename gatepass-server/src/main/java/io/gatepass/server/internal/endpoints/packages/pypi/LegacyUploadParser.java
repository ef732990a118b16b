package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.core.error.ServiceException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the legacy upload {@code twine upload} POSTs to the repository URL: a {@code multipart/form-data} body with
 * {@code :action=file_upload}, {@code protocol_version=1}, the file in {@code content}, the core metadata as fields
 * and one or more of {@code md5_digest}, {@code sha256_digest}, {@code blake2_256_digest}. The file streams to the
 * sink while its digests are computed; only the other fields are held in memory, within {@link UploadLimits}.
 * Every client error is a {@link ServiceException} (400, or 413 over a limit) whose message says what to fix.
 */
public final class LegacyUploadParser {
    /** Where the distribution file's bytes go; the caller removes what it opened if parsing fails. */
    @FunctionalInterface
    public interface ContentSink {
        OutputStream open(String filename) throws IOException;
    }

    /** Fields that are about the transfer, not the package. */
    private static final Set<String> TRANSFER_FIELDS = Set.of(":action", "protocol_version", "md5_digest",
            "sha256_digest", "blake2_256_digest", "filetype", "pyversion", "comment", "gpg_signature");

    private final UploadLimits limits;

    public LegacyUploadParser(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * @param body        the request body
     * @param contentType the request's Content-Type header (carries the boundary)
     */
    public LegacyUpload parse(InputStream body, String contentType, ContentSink sink) throws IOException {
        MultipartReader reader = new MultipartReader(body, MultipartReader.boundary(contentType));
        reader.start();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String filename = null;
        long size = -1;
        FileDigests digests = null;
        long fieldBytes = 0;
        int parts = 0;
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            if (++parts > limits.maxParts()) {
                throw MultipartReader.invalid("Too many fields in the upload (at most %d)", limits.maxParts());
            }
            ContentDisposition disposition = ContentDisposition.parse(part.header("content-disposition"));
            if (disposition == null) {
                throw MultipartReader.invalid("Every part of the upload needs "
                        + "'Content-Disposition: form-data; name=...'");
            }
            if (disposition.name().equals("content")) {
                if (filename != null) {
                    throw MultipartReader.invalid("The upload has more than one 'content' part; upload one file "
                            + "per request");
                }
                filename = disposition.filename();
                if (filename == null || filename.isEmpty()) {
                    throw MultipartReader.invalid("The 'content' part has no filename");
                }
                if (!DistributionFilename.isSafe(filename)) {
                    throw DistributionFilename.invalid("Invalid distribution file name '%s': only letters, digits "
                            + "and . _ + ! - are allowed", printable(filename));
                }
                try (DigestingOutputStream out = new DigestingOutputStream(sink.open(filename))) {
                    size = reader.body(out, limits.maxFileBytes(), "file");
                    out.flush();
                    digests = out.digests();
                }
                continue;
            }
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            long remaining = limits.maxFieldsBytes() - fieldBytes;
            fieldBytes += remaining < limits.maxFieldBytes()
                    ? reader.body(value, remaining, "fields together")
                    : reader.body(value, limits.maxFieldBytes(), "field '" + printable(disposition.name()) + "'");
            if (disposition.name().equals("gpg_signature")) {
                continue; // signatures are not kept (PyPI dropped them too)
            }
            fields.computeIfAbsent(disposition.name(), k -> new ArrayList<>(1)).add(utf8(value, disposition.name()));
        }
        if (filename == null) {
            throw MultipartReader.invalid("The upload has no file: send it in a 'content' part");
        }
        return check(fields, filename, size, digests);
    }

    private static LegacyUpload check(Map<String, List<String>> fields, String filename, long size,
                                      FileDigests digests) {
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            if (field.getValue().size() > 1 && !CoreMetadata.isMultiValued(field.getKey())) {
                throw MultipartReader.invalid("The field '%s' appears more than once", printable(field.getKey()));
            }
        }
        String action = single(fields, ":action");
        if (action == null) {
            throw MultipartReader.invalid("Missing ':action' field: an upload sends ':action=file_upload'");
        }
        if (action.equals("submit")) {
            throw MultipartReader.invalid("Registering a project is not needed: upload its files and the project "
                    + "appears with them");
        }
        if (!action.equals("file_upload")) {
            throw MultipartReader.invalid("Unsupported ':action' '%s': only 'file_upload' is supported",
                    printable(action));
        }
        String protocol = single(fields, "protocol_version");
        if (protocol != null && !protocol.equals("1")) {
            throw MultipartReader.invalid("Unsupported protocol_version '%s': only 1 is supported",
                    printable(protocol));
        }
        String name = required(fields, "name");
        if (!ProjectNames.isValid(name)) {
            throw MultipartReader.invalid("Invalid project name '%s': start and end with a letter or digit, "
                    + "and use only letters, digits, '.', '_' and '-' (PEP 508)", printable(name));
        }
        String version = required(fields, "version");
        if (Pep440Version.parse(version).isEmpty()) {
            throw MultipartReader.invalid("Invalid version '%s': it must be a PEP 440 version such as 1.0, "
                    + "2.1.0rc1 or 3.0.post1", printable(version));
        }
        String metadataVersion = required(fields, "metadata_version");
        if (!metadataVersion.matches("[0-9]+\\.[0-9]+")) {
            throw MultipartReader.invalid("Invalid metadata_version '%s'", printable(metadataVersion));
        }
        String filetype = required(fields, "filetype");
        DistributionFilename file = DistributionFilename.check(filename, filetype, name, version);
        String pyversion = single(fields, "pyversion");
        if (file.filetype() == DistributionFilename.Filetype.SDIST && pyversion != null && !pyversion.isEmpty()
                && !pyversion.equals("source")) {
            throw MultipartReader.invalid("An sdist has pyversion 'source', not '%s'", printable(pyversion));
        }
        verifyDigests(fields, digests);
        return new LegacyUpload(metadata(fields, name, version, metadataVersion), file, pyversion, size, digests);
    }

    private static void verifyDigests(Map<String, List<String>> fields, FileDigests actual) {
        String md5 = single(fields, "md5_digest");
        String sha256 = single(fields, "sha256_digest");
        String blake2 = single(fields, "blake2_256_digest");
        if (blank(md5) && blank(sha256) && blank(blake2)) {
            throw MultipartReader.invalid("The upload carries no digest: send sha256_digest (or md5_digest or "
                    + "blake2_256_digest) with the file");
        }
        if (!blank(md5) && !md5Matches(md5.strip(), actual.md5())) {
            throw mismatch("md5_digest");
        }
        if (!blank(sha256) && !sha256.strip().equalsIgnoreCase(actual.sha256())) {
            throw mismatch("sha256_digest");
        }
        if (!blank(blake2) && !blake2.strip().equalsIgnoreCase(actual.blake2b256())) {
            throw mismatch("blake2_256_digest");
        }
    }

    /** MD5 as hex (what twine sends) or URL-safe base64 without padding (what older clients sent). */
    private static boolean md5Matches(String given, String actualHex) {
        if (given.equalsIgnoreCase(actualHex)) {
            return true;
        }
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(given);
            return HexFormat.of().formatHex(decoded).equals(actualHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ServiceException mismatch(String field) {
        return MultipartReader.invalid("The %s does not match the file received: the upload was damaged or the "
                + "digest is of another file", field);
    }

    private static CoreMetadata metadata(Map<String, List<String>> fields, String name, String version,
                                         String metadataVersion) {
        Map<String, List<String>> core = new LinkedHashMap<>();
        fields.forEach((key, values) -> {
            if (!TRANSFER_FIELDS.contains(key)) {
                core.put(key, List.copyOf(values));
            }
        });
        return new CoreMetadata(metadataVersion, name, version, single(fields, "summary"),
                single(fields, "description"), single(fields, "description_content_type"),
                single(fields, "home_page"), single(fields, "author"), single(fields, "author_email"),
                single(fields, "license"), nonBlank(single(fields, "requires_python")),
                nonBlankValues(fields.get("classifiers")), nonBlankValues(fields.get("requires_dist")),
                nonBlankValues(fields.get("project_urls")), core);
    }

    private static String single(Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String required(Map<String, List<String>> fields, String key) {
        String value = single(fields, key);
        if (blank(value)) {
            throw MultipartReader.invalid("Missing required field '%s'", key);
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nonBlank(String value) {
        return blank(value) ? null : value.strip();
    }

    private static List<String> nonBlankValues(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !blank(v)).toList();
    }

    private static String utf8(ByteArrayOutputStream value, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw MultipartReader.invalid("The field '%s' is not UTF-8 text", printable(field));
        }
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
