import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.internal.audit.*;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts that a loaded machine does not blur (docs/benchmarks.md, "Issue 12, fifth pass: the request pipeline" and
 * "sixth pass: the audit writer"): the CPU and bytes of a request id; the audit writer's flushes and thread CPU per
 * line at 10,000 lines a second, into a sink that only counts and into the rotating file with the line of a
 * GetAuthorizationToken mint; and what recording a line costs the caller (the median of bursts of 10).
 * Usage: taskset -c 0 java -cp "gatepass-cli/target/dist/lib/*" bench/load/PipelineCounts.java
 */
public class PipelineCounts {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        // request ids
        IdGenerator ids = IdGenerator.secure();
        for (int i = 0; i < 2_000_000; i++) ids.requestId();
        long t = Thread.currentThread().getId();
        long c0 = MX.getThreadCpuTime(t), a0 = MX.getThreadAllocatedBytes(t);
        int n = 2_000_000;
        for (int i = 0; i < n; i++) ids.requestId();
        System.out.printf("requestId: %.0f ns CPU/id, %.0f B/id%n", (MX.getThreadCpuTime(t) - c0) / (double) n,
                (MX.getThreadAllocatedBytes(t) - a0) / (double) n);
        // the audit writer at 10,000 lines a second (10 each millisecond) for 3 s, into a sink that only counts
        AtomicLong flushes = new AtomicLong(), lines = new AtomicLong();
        AuditSink sink = new AuditSink() {
            public void append(byte[] line, int length, java.time.Instant time) { lines.incrementAndGet(); }
            public void flush() { flushes.incrementAndGet(); }
            public void close() { }
        };
        Clock clock = Clock.systemUTC();
        AuditWriter writer = new AuditWriter(sink, 10_000, clock);
        long[] cpu = run(writer, 30_000, clock, ids, false);
        writer.close();
        System.out.printf("audit at 10k lines/s: %d lines, %d flushes (%.2f per line), writer thread %.1f us CPU/line%n",
                lines.get(), flushes.get(), flushes.get() / (double) lines.get(), cpu[0] / 1000.0 / 30_000);
        // what recording costs the caller: 200,000 made events recorded in a row (the queue takes them all), 5 times
        writer = new AuditWriter(sink, 200_000, clock);
        AuditEvent[] events = new AuditEvent[200_000];
        for (int i = 0; i < events.length; i++) events[i] = mint(clock, ids);
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long r0 = MX.getThreadCpuTime(t);
            for (AuditEvent event : events) writer.record(event);
            best = Math.min(best, MX.getThreadCpuTime(t) - r0);
            while (lines.get() < 30_000L + (round + 1L) * events.length) LockSupport.parkNanos(1_000_000);
        }
        writer.close();
        System.out.printf("audit record: %.0f ns CPU per line on the caller (best of 5 x 200,000 in a row), %d dropped%n",
                best / (double) events.length, writer.dropped());
        // the same rate of GetAuthorizationToken mint lines into the rotating file: 5 s to warm up, then 5 s measured
        Path dir = Files.createTempDirectory("audit-bench");
        Path file = dir.resolve("audit.log");
        writer = new AuditWriter(new RotatingAuditFile(file, 100L << 20, true, 2, clock), 10_000, clock);
        run(writer, 50_000, clock, ids, true);
        int total = 50_000;
        cpu = run(writer, total, clock, ids, true);
        writer.close();
        System.out.printf("audit mint lines into the file at 10k lines/s: writer thread %.2f us CPU/line, %.0f B/line"
                        + " allocated; record: %.0f ns per line (median of bursts of 10); %d bytes written, %d dropped%n",
                cpu[0] / 1000.0 / total, cpu[1] / (double) total, cpu[2] / 10.0, Files.size(file), writer.dropped());
        for (Path p : RotatingAuditFile.rotated(file)) Files.delete(p);
        Files.delete(file);
        Files.delete(dir);
    }

    /** Records {@code total} lines at 10 a millisecond; the writer thread's CPU and bytes, the median burst's ns. */
    private static long[] run(AuditWriter writer, int total, Clock clock, IdGenerator ids, boolean mint) {
        Thread audit = Thread.getAllStackTraces().keySet().stream()
                .filter(x -> x.getName().equals("gatepass-audit") && x.isAlive()).reduce((a, b) -> b).orElseThrow();
        long c0 = MX.getThreadCpuTime(audit.getId()), a0 = MX.getThreadAllocatedBytes(audit.getId());
        long[] bursts = new long[total / 10];
        AuditEvent[] burst = new AuditEvent[10];
        long start = System.nanoTime();
        for (int i = 0; i < total; i += 10) {
            LockSupport.parkNanos(Math.max(1, start + i * 100_000L - System.nanoTime()));
            for (int j = 0; j < 10; j++) {
                burst[j] = mint ? mint(clock, ids) : AuditEvent.at(clock.instant(), AuditEvent.Kind.MINT)
                        .action("codeartifact:GetAuthorizationToken").build();
            }
            long b0 = System.nanoTime();
            for (AuditEvent event : burst) writer.record(event);
            bursts[i / 10] = System.nanoTime() - b0;
        }
        long c1 = MX.getThreadCpuTime(audit.getId()), a1 = MX.getThreadAllocatedBytes(audit.getId());
        Arrays.sort(bursts);
        return new long[] {c1 - c0, a1 - a0, bursts[bursts.length / 2]};
    }

    /** The line ApiAudit records for a GetAuthorizationToken call (fingerprint of a made-up token). */
    private static AuditEvent mint(Clock clock, IdGenerator ids) {
        java.time.Instant now = clock.instant();
        return AuditEvent.at(now, AuditEvent.Kind.MINT).action("codeartifact:GetAuthorizationToken")
                .resource("arn:aws:codeartifact:us-east-1:123456789012:domain/bench")
                .source("127.0.0.1", ids.requestId())
                .principal("arn:aws:iam::123456789012:user/bench", "123456789012", "AKIAIOSFODNN7EXAMPLE")
                .token("token-" + now.toEpochMilli()).tokenExpiry(now.plus(Duration.ofHours(12))).build();
    }
}
