package io.gatepass.server.internal.tokens;

import io.gatepass.core.token.KeyRing;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON Web Key Set (RFC 7517, keys as RFC 8037 writes Ed25519 ones) of the repository token key ring: one
 * {@code {"kty":"OKP","crv":"Ed25519","alg":"EdDSA","use":"sig","kid":KEYID,"x":BASE64URL}} per key that verifies now,
 * oldest first. Key ids and base64url need no JSON escaping. Rebuilt only when the ring changes.
 */
public final class Jwks implements Supplier<String> {
    private final Supplier<KeyRing> ring;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(KeyRing ring, long minute, String json) {
    }

    public Jwks(Supplier<KeyRing> ring, Clock clock) {
        this.ring = ring;
        this.clock = clock;
    }

    @Override
    public String get() {
        KeyRing current = ring.get();
        long minute = clock.millis() / 60_000; // keys retire with time too
        Cached last = cached;
        if (last != null && last.ring() == current && last.minute() == minute) {
            return last.json();
        }
        String json = render(current.ed25519PublicKeys(clock.instant()));
        cached = new Cached(current, minute, json);
        return json;
    }

    static String render(Map<String, byte[]> keys) {
        StringBuilder out = new StringBuilder("{\"keys\":[");
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        boolean first = true;
        for (Map.Entry<String, byte[]> key : keys.entrySet()) {
            out.append(first ? "" : ",").append("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"use\":\"sig\",")
                    .append("\"kid\":\"").append(key.getKey()).append("\",\"x\":\"")
                    .append(base64url.encodeToString(key.getValue())).append("\"}");
            first = false;
        }
        return out.append("]}").toString();
    }
}
