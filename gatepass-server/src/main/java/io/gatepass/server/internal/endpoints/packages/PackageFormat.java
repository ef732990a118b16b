package io.gatepass.server.internal.endpoints.packages;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One package format served at {@code <public-url>/codeartifact/<domain>-<owner>/<format>/<repository>/...}: npm,
 * PyPI or Maven. The front door has already authenticated the request's token, matched it to the URL's domain and
 * found the repository before {@link #handle} runs; the format decides what the request means, asks
 * {@link RepositoryAccess} for permission ({@code requireRead} / {@code requirePublish}) before it reveals or changes
 * anything, and answers in its clients' own dialect.
 *
 * <p>Implementations are stateless and thread-safe; {@link #handle} runs on a worker thread and may block (store,
 * blob store, reading the uploaded file). They never see Vert.x.
 */
public interface PackageFormat {

    /** The format's name in the URL and in CodeArtifact's APIs: "npm", "pypi" or "maven". */
    String format();

    /**
     * The {@code WWW-Authenticate} header of a 401 on this format's paths, for realm {@code <domain>/<repository>}.
     * The default is {@code Basic realm="<realm>"} (Maven needs exactly that; pip and twine too); npm overrides it
     * with {@code Bearer realm="<realm>", Basic realm="<realm>"}.
     */
    default String challenge(String realm) {
        return "Basic realm=\"" + realm + "\"";
    }

    /**
     * The largest request body the front door accepts on this format's paths (413 beyond), given the largest asset.
     * By default the asset limit itself (Maven and PyPI upload a file about as large as the asset); npm sends its
     * tarball base64 inside JSON, so it allows for that and checks the decoded size itself.
     */
    default long maxBodyBytes(long maxAssetBytes) {
        return maxAssetBytes;
    }

    /**
     * Answers a request. Failures the client should see are thrown as {@link PackageException} (or returned as a
     * response); anything else becomes a 500 rendered with {@link #error}.
     */
    PackageResponse handle(PackageRequest request);

    /**
     * Answers a read from memory without blocking, or empty to have {@link #handle} run on a worker. Called on the
     * event loop for GET and HEAD requests without a body, so it must never touch the store, the blob store or the
     * disk, and may answer only what the caller is known to be allowed to read
     * ({@link RepositoryAccess#readKnownAllowed()}). The default answers nothing from memory.
     */
    default Optional<PackageResponse> answerFromMemory(PackageRequest request) {
        return Optional.empty();
    }

    /**
     * The body of an error the front door answers on this format's paths (401, 403, 404, 413, 500): by default npm's
     * JSON {@code {"error":"<message>"}}; PyPI and Maven may prefer {@code text/plain}.
     */
    default PackageResponse error(int status, String message) {
        return PackageResponse.json(status, "{\"error\":" + Json.quote(message) + "}");
    }

    /** Minimal JSON text helpers for error bodies (formats build real documents with Jackson). */
    final class Json {
        private Json() {
        }

        /** {@code text} as a JSON string literal. */
        public static String quote(String text) {
            StringBuilder out = new StringBuilder(text.length() + 2).append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
