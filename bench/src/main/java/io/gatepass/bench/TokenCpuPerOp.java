package io.gatepass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Thread CPU time per token operation, for a shared, noisy machine where JMH's wall-clock throughput swings widely:
 * runs each benchmark method of {@link RepositoryTokenBenchmark} and {@link ComputeTokenBenchmark} (their own set-up)
 * in rounds on one thread and prints the CPU microseconds per operation of each round after the warm-up ones.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.gatepass.bench.TokenCpuPerOp [ops per round] [rounds]</pre>
 */
public final class TokenCpuPerOp {
    private TokenCpuPerOp() {
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        RepositoryTokenBenchmark repository = new RepositoryTokenBenchmark();
        repository.setUp();
        ComputeTokenBenchmark compute = new ComputeTokenBenchmark();
        compute.setUp();
        measure("repository mint", repository::mint, ops, rounds);
        measure("repository verify", repository::verify, ops, rounds);
        if (!(args.length > 2 && args[2].equals("no-distinct"))) {
            measure("repository mint, each token new", repository::mintDistinct, Math.max(ops / 200, 100), rounds);
        }
        measure("compute mint", compute::mint, ops, rounds);
        measure("compute verify", compute::verify, ops, rounds);
    }

    private static void measure(String name, Supplier<Object> op, int ops, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder line = new StringBuilder(name).append(": µs CPU per op by round:");
        Object sink = null;
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                sink = op.get();
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / ops;
            line.append(round < 2 ? " (warm-up " : " ").append(String.format("%.3f", micros))
                    .append(round < 2 ? ")" : "");
        }
        System.out.println(line + (sink == null ? " (no result)" : ""));
    }
}
