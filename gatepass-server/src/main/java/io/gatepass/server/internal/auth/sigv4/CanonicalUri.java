package io.gatepass.server.internal.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical URI of SigV4 for every service but S3: the wire path normalized as the AWS SDK for Java does it
 * ({@link java.net.URI#normalize()}: "." segments and redundant slashes removed, ".." removing the segment before it
 * unless there is none; then a trailing slash kept only where the wire path had one), and every byte that is not
 * unreserved or '/' percent-encoded, so that escapes on the wire are encoded a second time ({@code %20} becomes
 * {@code %2520}).
 */
final class CanonicalUri {
    private CanonicalUri() {
    }

    static void write(ByteSink out, String rawPath) {
        String path = normalize(rawPath);
        int length = path.length();
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c == '/' || QueryParameters.isUnreserved(c)) {
                out.append(c);
            } else if (c < 0x80) {
                out.appendPercentEncoded(c);
            } else {
                int end = i + 1;
                while (end < length && path.charAt(end) >= 0x80) {
                    end++;
                }
                for (byte b : path.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.appendPercentEncoded(b & 0xFF);
                }
                i = end - 1;
            }
        }
    }

    /** The normalized path, before encoding. */
    static String normalize(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        if (rawPath.charAt(0) == '/' && !needsNormalization(rawPath)) {
            return rawPath;
        }
        List<String> kept = new ArrayList<>();
        int start = 0;
        while (start < rawPath.length()) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = rawPath.length();
            }
            String segment = rawPath.substring(start, end);
            if (segment.equals("..")) {
                if (!kept.isEmpty() && !kept.get(kept.size() - 1).equals("..")) {
                    kept.remove(kept.size() - 1);
                } else {
                    kept.add(segment);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                kept.add(segment);
            }
            start = end + 1;
        }
        if (kept.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 1);
        for (String segment : kept) {
            out.append('/').append(segment);
        }
        if (rawPath.endsWith("/")) {
            out.append('/');
        }
        return out.toString();
    }

    /** Whether the path has an empty, "." or ".." segment (the fast check that lets most paths through as they are). */
    private static boolean needsNormalization(String path) {
        int length = path.length();
        for (int i = 0; i < length; i++) {
            if (path.charAt(i) != '/') {
                continue;
            }
            int next = i + 1;
            if (next < length && path.charAt(next) == '/') {
                return true;
            }
            if (next < length && path.charAt(next) == '.') {
                int after = next + 1;
                if (after == length || path.charAt(after) == '/') {
                    return true;
                }
                if (path.charAt(after) == '.' && (after + 1 == length || path.charAt(after + 1) == '/')) {
                    return true;
                }
            }
        }
        return false;
    }
}
