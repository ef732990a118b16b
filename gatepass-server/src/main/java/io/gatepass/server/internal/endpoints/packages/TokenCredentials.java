package io.gatepass.server.internal.endpoints.packages;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Takes the repository authorization token out of an {@code Authorization} header: {@code Bearer <token>} (npm's
 * {@code _authToken}), or {@code Basic base64(<user>:<token>)} with any user (pip, twine and Maven send
 * {@code aws}).
 */
public final class TokenCredentials {
    private TokenCredentials() {
    }

    /** What the header held. */
    public sealed interface Found {
    }

    /** No Authorization header, or an empty one. */
    public record Missing() implements Found {
    }

    /** A header that is neither a Bearer token nor Basic credentials with a password. */
    public record Unreadable(String why) implements Found {
    }

    /** The token; never log it. */
    public record Token(String value) implements Found {
        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    public static Found from(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return new Missing();
        }
        String header = authorizationHeader.strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return new Unreadable("The Authorization header names no scheme; use Bearer or Basic.");
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).strip();
        if (scheme.equals("bearer")) {
            return value.isEmpty() ? new Unreadable("The Bearer token is empty.") : new Token(value);
        }
        if (scheme.equals("basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Unreadable("The Basic credentials are not valid base64.");
            }
            int colon = decoded.indexOf(':');
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            return password.isEmpty()
                    ? new Unreadable("The Basic credentials carry no password; the password is the token.")
                    : new Token(password);
        }
        return new Unreadable("The Authorization scheme is not supported; use Bearer or Basic.");
    }
}
