package io.gatepass.server.internal.endpoints.packages.pypi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A wheel's core metadata file ({@code <name>-<version>.dist-info/METADATA}), served beside the wheel as
 * {@code <wheel>.metadata} (PEP 658, PEP 714) so that installers resolve without downloading wheels. Best effort: a
 * wheel that cannot be read, has no or several dist-info directories, or an oversized or non-UTF-8 METADATA simply
 * has no metadata file.
 */
final class WheelMetadata {
    static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern METADATA = Pattern.compile("[^/]+\\.dist-info/METADATA");

    private WheelMetadata() {
    }

    static Optional<String> extract(Path wheel) {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            ZipEntry found = null;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (METADATA.matcher(entry.getName()).matches()) {
                    if (found != null) {
                        return Optional.empty();
                    }
                    found = entry;
                }
            }
            if (found == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(found)) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    return Optional.empty();
                }
                return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a readable zip (CharacterCodingException is an IOException)
        }
    }
}
