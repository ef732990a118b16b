package io.gatepass.bench;

import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.server.internal.audit.AuditScope;
import io.gatepass.server.internal.audit.Fingerprint;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Thread CPU time and bytes allocated per call of the request-path pieces around the codecs that
 * docs/benchmarks.md's "Issue 12, sixth pass: authentication, audit and the token handlers" changed: SigV4
 * verification ({@link SigV4VerifyBenchmark}'s requests, signing key cached), token mints ({@link
 * RepositoryTokenBenchmark}, {@link ComputeTokenBenchmark}), the audit's token fingerprint and scope, and the compute
 * token's expiry. Counts that a loaded machine does not blur; run the same class against two builds to compare them.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.gatepass.bench.AuthCpuPerOp [ops per round] [rounds]</pre>
 */
public final class AuthCpuPerOp {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AuthCpuPerOp() {
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SigV4VerifyBenchmark sigv4 = new SigV4VerifyBenchmark();
        sigv4.setUp();
        RepositoryTokenBenchmark repository = new RepositoryTokenBenchmark();
        repository.setUp();
        ComputeTokenBenchmark compute = new ComputeTokenBenchmark();
        compute.setUp();
        String token = repository.mint(); // the mint memory hands out this object for the same mint
        Instant now = Instant.parse("2026-12-07T05:00:00.123Z");
        Instant current = now.plusSeconds(3000);
        Duration ttl = Duration.ofHours(3);

        measure("sigv4 awsJson1_1 POST", sigv4::awsJsonCachedKey, ops, rounds);
        measure("sigv4 query POST with session token", sigv4::queryProtocolSessionTokenCachedKey, ops, rounds);
        measure("sigv4 presigned GET", sigv4::presignedGetCachedKey, ops, rounds);
        measure("repository token mint (same subject)", repository::mint, ops, rounds);
        measure("compute token mint (same registration)", compute::mint, ops, rounds);
        measure("audit fingerprint of a minted token", () -> Fingerprint.of(token), ops, rounds);
        String[] tokens = new String[16]; // a load of 16 computes, each asking for its own token
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = token + i;
        }
        int[] next = {0};
        measure("audit fingerprint, 16 tokens in turn", () -> Fingerprint.of(tokens[next[0]++ & 15]), ops, rounds);
        measure("audit scope open + close", () -> {
            AuditScope scope = AuditScope.open();
            scope.close();
            return scope;
        }, ops, rounds);
        measure("compute token expiry", () -> ComputeAuthTokens.expiryFor(now, current, ttl), ops, rounds);
    }

    private static void measure(String name, Supplier<Object> op, int ops, int rounds) {
        StringBuilder line = new StringBuilder(String.format("%-42s", name + ":"));
        long thread = Thread.currentThread().getId();
        Object sink = null;
        for (int round = 0; round < rounds; round++) {
            long cpu = THREADS.getThreadCpuTime(thread);
            long bytes = THREADS.getThreadAllocatedBytes(thread);
            for (int i = 0; i < ops; i++) {
                sink = op.get();
            }
            if (round >= 2) { // the first two rounds warm up
                line.append(String.format(" %.0f ns/%.0f B", (THREADS.getThreadCpuTime(thread) - cpu) / (double) ops,
                        (THREADS.getThreadAllocatedBytes(thread) - bytes) / (double) ops));
            }
        }
        System.out.println(line + (sink == null ? " (no result)" : ""));
    }
}
