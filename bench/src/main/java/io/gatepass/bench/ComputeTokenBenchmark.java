package io.gatepass.bench;

import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.KeyRing;
import io.gatepass.core.token.Verification;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of minting and verifying compute auth tokens with the system clock, a ring of two keys and an in-memory
 * map of 1,024 registrations (so verification measures the token work, not a store). Each operation takes the next
 * registration (or token) in turn.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ComputeTokenBenchmark {
    private static final int COUNT = 1024;

    private TokenAuthority<Registration, ComputeAuthTokens> tokens;
    private Registration[] registrations;
    private String[] minted;
    private Instant expiry;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        Instant now = Instant.now();
        KeyRing ring = KeyRing.of(List.of(BenchKeys.key("Old00", now.minus(Duration.ofHours(1)), random),
                BenchKeys.key("New00", now.minus(Duration.ofMinutes(30)), random)), ComputeAuthTokens.DEFAULT_TTL);
        Map<String, Registration> byId = new HashMap<>();
        registrations = new Registration[COUNT];
        for (int i = 0; i < COUNT; i++) {
            registrations[i] = new Registration("fleet-" + uuid(random), "compute-" + i, uuid(random));
            byId.put(registrations[i].registrationId(), registrations[i]);
        }
        ComputeAuthTokens kind = new ComputeAuthTokens(id -> Optional.ofNullable(byId.get(id)),
                ComputeAuthTokens.DEFAULT_TTL);
        tokens = new TokenAuthority<>(kind, () -> ring, Clock.systemUTC());
        expiry = ComputeAuthTokens.expiryFor(now, null, ComputeAuthTokens.DEFAULT_TTL);
        minted = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            minted[i] = tokens.mint(registrations[i], expiry);
        }
    }

    @Benchmark
    public String mint() {
        next = (next + 1) & (COUNT - 1);
        return tokens.mint(registrations[next], expiry);
    }

    @Benchmark
    public Verification<Registration> verify() {
        next = (next + 1) & (COUNT - 1);
        Verification<Registration> verification = tokens.verify(minted[next]);
        if (!verification.isValid()) {
            throw new IllegalStateException("benchmark token refused: " + verification);
        }
        return verification;
    }


    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
