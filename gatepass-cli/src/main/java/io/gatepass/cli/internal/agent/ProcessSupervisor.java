package io.gatepass.cli.internal.agent;

import io.gatepass.core.id.IdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps N game server processes running. Each start gets a fresh process id and the GameLift SDK variables; a process
 * that exits is started again after a {@link Backoff} delay that grows while it keeps exiting within a minute. On
 * {@link #stop(Duration)} every process gets SIGTERM, and whatever still runs after the grace period SIGKILL.
 */
public final class ProcessSupervisor {
    /** A process that ran at least this long is not crash-looping: its next restart comes after the shortest delay. */
    static final Duration HEALTHY_RUN = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);

    /** What the status endpoint shows of one process slot. */
    public record ProcessInfo(int slot, String processId, long pid, Instant startedAt, boolean alive, int starts) {
    }

    private final List<String> command;
    private final Function<String, Map<String, String>> environment;
    private final Backoff backoff;
    private final Scheduler scheduler;
    private final Clock clock;
    private final IdGenerator ids;
    private final AgentMetrics metrics;
    private final List<Slot> slots = new ArrayList<>();
    private boolean stopping;

    /** @param environment the variables for a process, given its fresh process id */
    public ProcessSupervisor(List<String> command, int count, Function<String, Map<String, String>> environment,
                             Backoff backoff, Scheduler scheduler, Clock clock, IdGenerator ids,
                             AgentMetrics metrics) {
        this.command = List.copyOf(command);
        this.environment = environment;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.clock = clock;
        this.ids = ids;
        this.metrics = metrics;
        for (int i = 0; i < count; i++) {
            slots.add(new Slot(i));
        }
    }

    public void start() {
        slots.forEach(this::launch);
    }

    public synchronized List<ProcessInfo> processes() {
        return slots.stream().map(s -> new ProcessInfo(s.index, s.processId, s.process == null ? -1 : s.process.pid(),
                s.startedAt, s.process != null && s.process.isAlive(), s.starts)).toList();
    }

    public synchronized int running() {
        return (int) slots.stream().filter(s -> s.process != null && s.process.isAlive()).count();
    }

    private void launch(Slot slot) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            String processId = ids.uuid();
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().putAll(environment.apply(processId));
            slot.processId = processId;
            slot.startedAt = clock.instant();
            slot.starts++;
            try {
                Process process = builder.start();
                slot.process = process;
                metrics.processStarted();
                LOG.info("started game server process {} (pid {}, slot {})", processId, process.pid(), slot.index);
                process.onExit().thenAccept(p -> exited(slot, p));
                return;
            } catch (IOException e) {
                slot.process = null;
                LOG.warn("cannot start game server command {}: {}", command.get(0), e.getMessage());
            }
        }
        restartLater(slot, "could not start");
    }

    private void exited(Slot slot, Process process) {
        synchronized (this) {
            if (stopping || slot.process != process) {
                return;
            }
            metrics.processExited();
            if (Duration.between(slot.startedAt, clock.instant()).compareTo(HEALTHY_RUN) >= 0) {
                slot.quickExits = 0;
            }
        }
        restartLater(slot, "process " + slot.processId + " (pid " + process.pid() + ") exited with code "
                + process.exitValue());
    }

    private void restartLater(Slot slot, String why) {
        Duration delay;
        synchronized (this) {
            slot.quickExits++;
            delay = backoff.delay(slot.quickExits);
        }
        LOG.warn("game server slot {}: {}; starting it again in {}", slot.index, why, delay);
        scheduler.schedule(() -> launch(slot), delay);
    }

    /** Stops every process: SIGTERM, then SIGKILL for the process and its descendants still alive after the grace. */
    public void stop(Duration grace) {
        List<ProcessHandle> handles = new ArrayList<>();
        synchronized (this) {
            stopping = true;
            for (Slot slot : slots) {
                if (slot.process != null && slot.process.isAlive()) {
                    handles.addAll(slot.process.descendants().toList());
                    handles.add(slot.process.toHandle());
                    LOG.info("stopping game server process {} (pid {})", slot.processId, slot.process.pid());
                    slot.process.destroy();
                }
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // Still running after the grace period: killed below.
            }
        }
        for (ProcessHandle handle : handles) {
            if (handle.isAlive()) {
                LOG.warn("process {} did not stop within {}; killing it", handle.pid(), grace);
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("process {} is still alive after SIGKILL", handle.pid());
            }
        }
    }

    private static final class Slot {
        final int index;
        Process process;
        String processId;
        Instant startedAt;
        int starts;
        int quickExits;

        Slot(int index) {
            this.index = index;
        }
    }
}
