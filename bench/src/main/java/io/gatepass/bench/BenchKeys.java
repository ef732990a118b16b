package io.gatepass.bench;

import io.gatepass.core.token.SigningKey;

import java.time.Instant;
import java.util.Random;

/** Signing keys with random secrets, for the token benchmarks. */
final class BenchKeys {
    private BenchKeys() {
    }

    static SigningKey key(String id, Instant createdAt, Random random) {
        byte[] secret = new byte[SigningKey.SECRET_BYTES];
        random.nextBytes(secret);
        return new SigningKey(id, secret, createdAt);
    }
}
