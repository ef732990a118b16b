package io.gatepass.server.internal.endpoints.packages.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The body of an npm PUT to a package, read as a stream: every top-level member as a JSON tree except
 * {@code _attachments}, whose base64 {@code data} is decoded straight into temporary files, so a tarball is never
 * held in memory (neither as base64 nor as bytes).
 *
 * @param document    the top-level members other than {@code _attachments}
 * @param attachments the attachments in order (none for a metadata update such as npm deprecate)
 */
record NpmPublishBody(ObjectNode document, List<Attachment> attachments) {

    /**
     * One attachment.
     *
     * @param name          its key ({@code name-1.0.0.tgz}, or {@code @scope/name-1.0.0.tgz} for scoped packages)
     * @param file          the decoded bytes, in a temporary file the caller deletes
     * @param declaredLength the {@code length} member, or -1 if absent
     */
    record Attachment(String name, Path file, long declaredLength) {
    }

    /** Thrown for a body that is not the JSON npm sends; the message says what is wrong. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param tempFiles makes a new temporary file for one attachment's bytes
     */
    static NpmPublishBody read(Path body, Supplier<Path> tempFiles) throws Malformed, IOException {
        ObjectNode document = NpmDocuments.JSON.createObjectNode();
        List<Attachment> attachments = new ArrayList<>();
        try (JsonParser parser = NpmDocuments.JSON.getFactory().createParser(body.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("The request body is not a JSON object.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("_attachments")) {
                    readAttachments(parser, tempFiles, attachments);
                } else {
                    JsonNode value = parser.readValueAsTree();
                    document.set(field, value);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            deleteAll(attachments);
            throw new Malformed("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (Malformed | IOException | RuntimeException e) {
            // the attachments already spooled belong to no one once the body is refused
            deleteAll(attachments);
            throw e;
        }
        return new NpmPublishBody(document, attachments);
    }

    private static void deleteAll(List<Attachment> attachments) throws IOException {
        for (Attachment attachment : attachments) {
            Files.deleteIfExists(attachment.file());
        }
    }

    private static void readAttachments(JsonParser parser, Supplier<Path> tempFiles, List<Attachment> out)
            throws IOException, Malformed {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new Malformed("_attachments is not an object.");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("Attachment " + name + " is not an object.");
            }
            Path file = null;
            long length = -1;
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String member = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (member.equals("data") && value == JsonToken.VALUE_STRING) {
                        if (file != null) {
                            throw new Malformed("Attachment " + name + " has data twice.");
                        }
                        file = tempFiles.get();
                        try (OutputStream bytes = Files.newOutputStream(file)) {
                            parser.readBinaryValue(bytes);
                        } catch (com.fasterxml.jackson.core.JsonParseException | IllegalArgumentException e) {
                            // Jackson reports a character outside the base64 alphabet as an IllegalArgumentException
                            throw new Malformed("Attachment " + name + " is not valid base64.");
                        }
                    } else if (member.equals("length") && value.isNumeric()) {
                        length = parser.getLongValue();
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (Malformed | IOException | RuntimeException e) {
                if (file != null) { // not yet among the attachments: nobody else would delete it
                    Files.deleteIfExists(file);
                }
                throw e;
            }
            if (file == null) {
                throw new Malformed("Attachment " + name + " has no data.");
            }
            out.add(new Attachment(name, file, length));
        }
    }
}
