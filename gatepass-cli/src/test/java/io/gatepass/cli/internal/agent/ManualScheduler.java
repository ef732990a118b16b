package io.gatepass.cli.internal.agent;

import io.gatepass.core.testing.ManualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler that runs nothing by itself: {@link #runDue()} runs the tasks whose time has come on its clock. */
final class ManualScheduler implements Scheduler {
    private record Task(Instant due, Runnable task) {
    }

    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        tasks.add(new Task(clock.instant().plus(delay), task));
    }

    /** How long until the next task is due (negative if overdue); fails if nothing is scheduled. */
    synchronized Duration nextDelay() {
        return Duration.between(clock.instant(), tasks.stream().map(Task::due).min(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError("nothing scheduled")));
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** Runs every task due now, including ones that running tasks schedule for now. */
    void runDue() {
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.due().isAfter(clock.instant()))
                        .min(Comparator.comparing(Task::due)).orElse(null);
                if (next == null) {
                    return;
                }
                tasks.remove(next);
            }
            next.task().run();
        }
    }

    /** Moves the clock to the next task and runs it (and whatever else is due then). */
    void advanceToNextAndRun() {
        Duration delay = nextDelay();
        if (!delay.isNegative() && !delay.isZero()) {
            clock.advance(delay);
        }
        runDue();
    }
}
