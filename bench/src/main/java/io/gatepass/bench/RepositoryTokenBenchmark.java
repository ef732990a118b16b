package io.gatepass.bench;

import io.gatepass.core.token.Verification;
import io.gatepass.core.token.KeyRing;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.TokenAuthority;
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
import java.util.concurrent.TimeUnit;

/**
 * Throughput of minting and verifying CodeArtifact repository authorization tokens with the system clock, a ring of
 * two keys and an in-memory map of 64 domains (so verification measures the token work, not a store). The 1,024
 * subjects are realistic: half IAM users, half assumed-role sessions, ARNs of 40 to 100 characters. Each operation
 * takes the next subject (or token) in turn, so after the first 1,024 operations {@code mint} and {@code verify} find
 * their token remembered (a burst of the same callers); {@code mintDistinct} signs every token anew.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RepositoryTokenBenchmark {
    private static final int COUNT = 1024;

    private TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens;
    private RepositoryTokenSubject[] subjects;
    private String[] minted;
    private Instant expiry;
    private int next;
    private long distinct;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        Instant now = Instant.now();
        KeyRing ring = KeyRing.of(List.of(BenchKeys.key("Old00", now.minus(Duration.ofHours(1)), random),
                BenchKeys.key("New00", now.minus(Duration.ofMinutes(30)), random)), RepositoryTokens.MAX_LIFETIME);
        Map<String, Instant> domains = new HashMap<>();
        subjects = new RepositoryTokenSubject[COUNT];
        for (int i = 0; i < COUNT; i++) {
            String account = String.format("%012d", 100_000_000_000L + random.nextInt(1_000_000));
            String domain = "domain-" + (i % 64);
            Instant created = now.minus(Duration.ofDays(30));
            String arn = i % 2 == 0
                    ? "arn:aws:iam::" + account + ":user/ci/build-agent-" + random.nextInt(1_000_000)
                    : "arn:aws:sts::" + account + ":assumed-role/codeartifact-readers-" + i
                            + "/botocore-session-" + (1_700_000_000L + random.nextInt(1_000_000));
            subjects[i] = new RepositoryTokenSubject("111122223333", domain, created, arn, account);
            domains.put("111122223333/" + domain, created);
        }
        RepositoryTokens kind = new RepositoryTokens((owner, name) -> Optional.ofNullable(domains.get(owner + "/" + name)));
        tokens = new TokenAuthority<>(kind, () -> ring, Clock.systemUTC());
        expiry = RepositoryTokens.expiry(now, null, null);
        minted = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            minted[i] = tokens.mint(subjects[i], expiry);
        }
    }

    @Benchmark
    public String mint() {
        next = (next + 1) & (COUNT - 1);
        return tokens.mint(subjects[next], expiry);
    }

    /** A token no earlier call minted (the expiry moves on by a second each time): an Ed25519 signature each. */
    @Benchmark
    public String mintDistinct() {
        next = (next + 1) & (COUNT - 1);
        distinct++;
        return tokens.mint(subjects[next], expiry.plusSeconds(distinct));
    }

    @Benchmark
    public Verification<RepositoryTokenSubject> verify() {
        next = (next + 1) & (COUNT - 1);
        Verification<RepositoryTokenSubject> verification = tokens.verify(minted[next]);
        if (!verification.isValid()) {
            throw new IllegalStateException("benchmark token refused: " + verification);
        }
        return verification;
    }

}
