package io.gatepass.server.internal.endpoints.packages.pypi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PyPI version's metadata as the package store keeps it ({@code PackageVersion.metadata}): the core metadata
 * fields under their upload names ({@code summary}, {@code requires_python}, lists for {@code classifiers},
 * {@code requires_dist}, …) from the version's first file, plus {@code files}: per file name its
 * {@code requires_python}, {@code upload_time}, {@code filetype} and {@code pyversion}, for wheels their METADATA
 * text ({@code core_metadata}, {@code core_metadata_sha256}), and optionally {@code yanked} / {@code yanked_reason}
 * (PEP 592).
 */
final class VersionMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a simple page needs of one file. */
    record FileInfo(String requiresPython, Instant uploadTime, String yankedReason) {
    }

    private VersionMetadata() {
    }

    /** The metadata of a new version whose first file is {@code upload}. */
    static String first(LegacyUpload upload, Instant uploaded) {
        return first(upload, uploaded, null);
    }

    /** @param coreMetadata the wheel's METADATA text to serve beside it, or null */
    static String first(LegacyUpload upload, Instant uploaded, String coreMetadata) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, List<String>> field : upload.metadata().fields().entrySet()) {
            if (CoreMetadata.isMultiValued(field.getKey())) {
                ArrayNode values = root.putArray(field.getKey());
                field.getValue().forEach(values::add);
            } else if (!field.getValue().isEmpty()) {
                root.put(field.getKey(), field.getValue().get(0));
            }
        }
        root.put("name", upload.metadata().name());
        root.put("version", upload.metadata().version());
        root.putObject("files");
        return withFile(root, upload, uploaded, coreMetadata);
    }

    /** {@code metadata} with one more file. */
    static String withFile(String metadata, LegacyUpload upload, Instant uploaded) {
        return withFile(parse(metadata), upload, uploaded, null);
    }

    static String withFile(String metadata, LegacyUpload upload, Instant uploaded, String coreMetadata) {
        return withFile(parse(metadata), upload, uploaded, coreMetadata);
    }

    /** The METADATA text kept for a wheel (served as {@code <wheel>.metadata}), if any. */
    static Optional<String> coreMetadata(String metadata, String filename) {
        return Optional.ofNullable(text(parse(metadata).path("files").path(filename).get("core_metadata")));
    }

    /** The SHA-256 of that text's UTF-8 bytes, if any. */
    static String coreMetadataSha256(String metadata, String filename) {
        return text(parse(metadata).path("files").path(filename).get("core_metadata_sha256"));
    }

    static boolean hasFile(String metadata, String filename) {
        return parse(metadata).path("files").has(filename);
    }

    /** The file's details; for files the metadata does not mention, what the version says. */
    static FileInfo file(String metadata, String filename, Instant versionTime) {
        JsonNode root = parse(metadata);
        JsonNode file = root.path("files").path(filename);
        String requiresPython = text(file.has("requires_python") ? file.get("requires_python")
                : root.get("requires_python"));
        Instant uploaded = versionTime;
        if (file.hasNonNull("upload_time")) {
            try {
                uploaded = Instant.parse(file.get("upload_time").asText());
            } catch (java.time.format.DateTimeParseException e) {
                uploaded = versionTime;
            }
        }
        String yanked = file.path("yanked").asBoolean(false) || root.path("yanked").asBoolean(false)
                ? firstText(file.get("yanked_reason"), root.get("yanked_reason")) : null;
        return new FileInfo(requiresPython, uploaded, yanked);
    }

    private static String withFile(ObjectNode root, LegacyUpload upload, Instant uploaded, String coreMetadata) {
        ObjectNode files = root.has("files") && root.get("files").isObject() ? (ObjectNode) root.get("files")
                : root.putObject("files");
        ObjectNode file = files.putObject(upload.file().filename());
        if (upload.metadata().requiresPython() != null) {
            file.put("requires_python", upload.metadata().requiresPython());
        }
        file.put("upload_time", uploaded.toString());
        file.put("filetype", upload.file().filetype().wire());
        if (upload.pyversion() != null) {
            file.put("pyversion", upload.pyversion());
        }
        if (coreMetadata != null) {
            file.put("core_metadata", coreMetadata);
            file.put("core_metadata_sha256", sha256(coreMetadata));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ObjectNode parse(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(metadata);
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    private static String firstText(JsonNode a, JsonNode b) {
        String first = text(a);
        if (first != null) {
            return first;
        }
        String second = text(b);
        return second == null ? "" : second;
    }
}
