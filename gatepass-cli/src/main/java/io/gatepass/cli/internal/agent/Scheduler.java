package io.gatepass.cli.internal.agent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task once after a delay; tests give a scheduler driven by their own clock. */
@FunctionalInterface
public interface Scheduler {
    void schedule(Runnable task, Duration delay);

    /** A scheduler on one daemon thread; shut the executor down to stop it. */
    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> {
            try {
                executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Shut down: the agent is stopping.
            }
        };
    }

    static ScheduledExecutorService daemonExecutor(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
