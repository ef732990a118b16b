import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.internal.audit.*;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts that a loaded machine does not blur (docs/benchmarks.md, "Issue 12, fifth pass: the request pipeline"): the
 * CPU and bytes of a request id, and the audit writer's flushes and thread CPU per line at 10,000 lines a second.
 * Usage: taskset -c 0 java -cp "gatepass-cli/target/dist/lib/*" bench/load/PipelineCounts.java
 */
public class PipelineCounts {
    public static void main(String[] args) throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // request ids
        IdGenerator ids = IdGenerator.secure();
        for (int i = 0; i < 2_000_000; i++) ids.requestId();
        long t = Thread.currentThread().getId();
        long c0 = mx.getThreadCpuTime(t), a0 = mx.getThreadAllocatedBytes(t);
        int n = 2_000_000;
        for (int i = 0; i < n; i++) ids.requestId();
        System.out.printf("requestId: %.0f ns CPU/id, %.0f B/id%n", (mx.getThreadCpuTime(t) - c0) / (double) n,
                (mx.getThreadAllocatedBytes(t) - a0) / (double) n);
        // the audit writer at 10,000 lines a second (10 each millisecond) for 3 s, into a sink that only counts
        AtomicLong flushes = new AtomicLong(), lines = new AtomicLong();
        AuditSink sink = new AuditSink() {
            public void append(String line, java.time.Instant time) { lines.incrementAndGet(); }
            public void flush() { flushes.incrementAndGet(); }
            public void close() { }
        };
        Clock clock = Clock.systemUTC();
        AuditWriter writer = new AuditWriter(sink, 10_000, clock);
        Thread audit = Thread.getAllStackTraces().keySet().stream().filter(x -> x.getName().equals("gatepass-audit")).findFirst().orElseThrow();
        long ac0 = mx.getThreadCpuTime(audit.getId());
        int total = 30_000;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            if (i % 10 == 0) java.util.concurrent.locks.LockSupport.parkNanos(Math.max(1, start + i * 100_000L - System.nanoTime()));
            writer.record(AuditEvent.at(clock.instant(), AuditEvent.Kind.MINT).action("codeartifact:GetAuthorizationToken").build());
        }
        long ac1 = mx.getThreadCpuTime(audit.getId());
        writer.close();
        System.out.printf("audit at 10k lines/s: %d lines, %d flushes (%.2f per line), writer thread %.1f us CPU/line%n",
                lines.get(), flushes.get(), flushes.get() / (double) lines.get(), (ac1 - ac0) / 1000.0 / total);
    }
}
