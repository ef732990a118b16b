package io.gatepass.server.internal.api.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request's streaming blob payload (the model's {@code payload} member of a {@code streaming} blob shape), as an
 * input record's member: either bytes that came with a bounded body, or a body the front door spooled to a file while
 * hashing it. Handlers read it with {@link #open()}; they never see the file's lifetime (the front door deletes it
 * after the response).
 */
@JsonDeserialize(using = BlobContent.Binder.class)
public sealed interface BlobContent {

    /** Bytes. */
    long length();

    /** Lower-case hex SHA-256 of the bytes. */
    String sha256Hex();

    /** The bytes from the start; the caller closes the stream. */
    InputStream open() throws IOException;

    static BlobContent of(byte[] bytes) {
        return new InMemory(bytes.clone());
    }

    /** A body spooled to {@code file}, {@code length} bytes whose SHA-256 was computed while spooling. */
    static Spooled spooled(Path file, long length, String sha256Hex) {
        return new Spooled(file, length, sha256Hex);
    }

    /** A bounded body's bytes. */
    record InMemory(byte[] bytes) implements BlobContent {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public String sha256Hex() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return "BlobContent[" + bytes.length + " bytes]";
        }
    }

    /** A streamed body on disk. */
    record Spooled(Path file, long length, String sha256Hex) implements BlobContent {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public String toString() {
            return "BlobContent[" + length + " bytes, spooled]";
        }
    }

    /** Binds the value the codec placed in the input tree (an embedded object); anything else is not a blob. */
    final class Binder extends JsonDeserializer<BlobContent> {
        @Override
        public BlobContent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT) {
                Object value = parser.getEmbeddedObject();
                if (value instanceof BlobContent content) {
                    return content;
                }
                if (value instanceof byte[] bytes) {
                    return of(bytes);
                }
            }
            return (BlobContent) context.handleUnexpectedToken(BlobContent.class, parser);
        }
    }
}
