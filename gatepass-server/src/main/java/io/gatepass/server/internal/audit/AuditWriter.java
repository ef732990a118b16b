package io.gatepass.server.internal.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The audit log behind a bounded queue and one writer thread, so recording an event is a queue offer and never
 * waits for the disk: events come from the event loop (SDK websocket and package endpoint refusals) as well as from
 * workers. When the queue is full the event is dropped and counted rather than blocking the caller: a slow or full
 * disk must not stall every API call and websocket, and a flood of refused requests must not be able to stall the
 * server through its own audit log. The gap is not silent: the count is in {@code /metrics}
 * ({@code gatepass_audit_dropped_lines}), a warning is logged, and the writer puts a {@code "kind":"gap"} line with
 * the number of lines lost into the log itself where they are missing.
 *
 * <p>Lines are written in batches: the writer blocks on an empty queue, so the first line after a quiet spell is
 * written and flushed to the operating system at once; after writing a batch it waits {@link #BATCH_INTERVAL_NANOS}
 * before it drains the queue again, so that under load the lines of many calls go out in one write, and recording a
 * line does not wake the writer thread (a thread switch and a system call per call, on the core that answers the
 * calls). Once the queue is found empty it blocks again. {@link #close} wakes it at once and waits until everything
 * queued is written and flushed: no recorded line is lost on a clean shutdown.
 *
 * <p>Recording is one queue offer (one lock round trip on the caller's thread): the queue holds exactly the
 * capacity, and {@link #close} needs no room of its own in it (see there).
 */
public final class AuditWriter implements AuditLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    private static final AuditEvent STOP = AuditEvent.at(java.time.Instant.EPOCH, AuditEvent.Kind.GAP).build();
    /**
     * How long the writer lets lines gather after writing a batch, while they keep coming: 10 ms holds at most
     * 10 ms of lines (far below the queue's 10,000 at the rates one node answers) and keeps a line's way to the file
     * short.
     */
    static final long BATCH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final BlockingQueue<AuditEvent> queue;
    private final AuditSink sink;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** Only the writer thread formats. */
    private final AuditLine lines = new AuditLine();
    private final Thread thread;
    private final long batchIntervalNanos;
    private volatile boolean closing;
    /** Drops the writer has already reported with a gap line; only its thread touches it. */
    private long reported;
    private boolean failing;

    public AuditWriter(AuditSink sink, int queueCapacity, Clock clock) {
        this(sink, queueCapacity, clock, BATCH_INTERVAL_NANOS);
    }

    /** @param batchIntervalNanos how long the writer lets lines gather after writing a batch */
    AuditWriter(AuditSink sink, int queueCapacity, Clock clock, long batchIntervalNanos) {
        this.batchIntervalNanos = batchIntervalNanos;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.sink = sink;
        this.clock = clock;
        this.thread = new Thread(this::run, "gatepass-audit");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void record(AuditEvent event) {
        if (closing || !queue.offer(event)) {
            long drops = dropped.incrementAndGet();
            if (Long.bitCount(drops) == 1) { // the 1st, 2nd, 4th, 8th... drop: a warning, not a flood
                LOG.warn("audit log writer is behind: {} line(s) dropped so far", drops);
            }
        }
    }

    /** Lines dropped because the queue was full (or after close). */
    public long dropped() {
        return dropped.get();
    }

    /** Lines written to the sink (gap lines included). */
    public long written() {
        return written.get();
    }

    /**
     * Writes what is queued, then closes the file. {@code STOP} only wakes a writer blocked on an empty queue: a full
     * queue, where it finds no room, means the writer is not blocked and will find {@link #closing} once it has
     * written the queue out.
     */
    @Override
    public void close() {
        closing = true;
        try {
            queue.offer(STOP);
            LockSupport.unpark(thread); // if it is letting a batch gather
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            sink.close();
        } catch (IOException e) {
            LOG.warn("closing the audit log failed: {}", e.toString());
        }
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            for (AuditEvent event : batch) {
                if (event != STOP) {
                    write(event);
                }
            }
            batch.clear();
            if (closing && queue.isEmpty()) {
                write(null); // and flushes
                return;
            }
            try {
                sink.flush();
            } catch (IOException e) {
                failed(e);
            }
            // Let the next batch gather; a line recorded meanwhile finds no waiting thread to wake. The loop then
            // drains what came, or blocks in take() if nothing did.
            long until = System.nanoTime() + batchIntervalNanos;
            for (long left = batchIntervalNanos; left > 0 && !closing; left = until - System.nanoTime()) {
                LockSupport.parkNanos(this, left); // may return early: then it waits the rest
            }
        }
    }

    /** Writes a gap line first if lines were dropped since the last one, then the event (if any). */
    private void write(AuditEvent event) {
        long drops = dropped.get();
        if (drops > reported) {
            append(AuditEvent.at(clock.instant(), AuditEvent.Kind.GAP).failure("Dropped")
                    .detail((drops - reported) + " line(s) dropped: the audit log writer fell behind").build());
            reported = drops;
        }
        if (event != null) {
            append(event);
        }
        if (event == null) {
            try {
                sink.flush();
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    private void append(AuditEvent event) {
        try {
            int length = lines.utf8(event);
            sink.append(lines.bytes(), length, event.time());
            written.incrementAndGet();
            if (failing) {
                failing = false;
                LOG.info("audit log writable again");
            }
        } catch (IOException | RuntimeException e) {
            dropped.incrementAndGet(); // reported by a gap line once the file takes lines again
            failed(e);
        }
    }

    private void failed(Exception e) {
        if (!failing) {
            failing = true;
            LOG.error("cannot write the audit log: {}", e.toString());
        }
    }
}
