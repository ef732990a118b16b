package io.gatepass.server.internal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T11:00:00.007Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void record_whenTheWriterIsStuck_dropsAndCountsWithoutBlocking_thenWritesAGapLine() throws Exception {
        GatedSink sink = new GatedSink();
        AuditWriter writer = stuck(sink, 10); // each record returns at once: 3 fit in the queue, 7 are dropped
        assertThat(writer.dropped()).isEqualTo(7);
        sink.gate.countDown();
        writer.close();

        List<String> actions = sink.lines.stream().map(AuditWriterTest::action).toList();
        assertThat(actions).containsExactly("first", "GAP", "queued-0", "queued-1", "queued-2");
        JsonNode gap = JSON.readTree(sink.lines.get(1));
        assertThat(gap.get("kind").asText()).isEqualTo("gap");
        assertThat(gap.get("detail").asText()).startsWith("7 line(s) dropped");
        assertThat(sink.closed).isTrue();
    }

    @Test
    void close_whenTheQueueIsFull_stillWritesEveryQueuedLine() throws Exception {
        GatedSink sink = new GatedSink();
        AuditWriter writer = stuck(sink, 3); // the queue is full: close finds no room for its wake-up
        Thread closer = new Thread(writer::close);
        closer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until close waits for the writer: it has tried to queue its wake-up
        }
        assertThat(closer.getState()).isEqualTo(Thread.State.TIMED_WAITING);
        sink.gate.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(closer.isAlive()).isFalse();
        assertThat(sink.lines.stream().map(AuditWriterTest::action).toList())
                .containsExactly("first", "queued-0", "queued-1", "queued-2");
        assertThat(writer.dropped()).isZero();
        assertThat(sink.closed).isTrue();
    }

    @Test
    void close_writesEverythingQueued_andRecordAfterCloseIsDropped() {
        GatedSink sink = new GatedSink();
        sink.gate.countDown();
        AuditWriter writer = new AuditWriter(sink, 100, CLOCK);
        for (int i = 0; i < 50; i++) {
            writer.record(event("e" + i));
        }
        writer.close();
        writer.record(event("late"));
        assertThat(sink.lines).hasSize(50);
        assertThat(writer.written()).isEqualTo(50);
        assertThat(writer.dropped()).isEqualTo(1);
    }

    @Test
    void linesRecordedWhileABatchGathers_goOutTogetherInOrder_andCloseWritesThemWithoutWaitingTheInterval() {
        CountingSink sink = new CountingSink();
        AuditWriter writer = new AuditWriter(sink, 1_000, CLOCK, java.util.concurrent.TimeUnit.HOURS.toNanos(1));
        writer.record(event("first")); // after a quiet spell: written and flushed at once
        sink.awaitFlushes(1);
        for (int i = 0; i < 100; i++) {
            writer.record(event("e" + i)); // the writer lets these gather (for an hour, here)
        }
        assertThat(sink.lines).as("nothing written while the batch gathers").hasSize(1);
        long started = System.nanoTime();
        writer.close(); // wakes the writer: everything recorded is written, in order, and flushed
        assertThat(System.nanoTime() - started).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(9));
        List<String> actions = sink.lines.stream().map(AuditWriterTest::action).toList();
        assertThat(actions).hasSize(101).startsWith("first", "e0", "e1").endsWith("e98", "e99");
        assertThat(actions.subList(1, 101)).isEqualTo(java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "e" + i).toList());
        assertThat(sink.flushedLines).as("every line flushed before the file is closed").isEqualTo(101);
        assertThat(writer.written()).isEqualTo(101);
        assertThat(writer.dropped()).isZero();
    }

    @Test
    void underASteadyStream_linesAreWrittenInBatches_notOneFlushEach() throws Exception {
        CountingSink sink = new CountingSink();
        AuditWriter writer = new AuditWriter(sink, 10_000, CLOCK);
        for (int i = 0; i < 2_000; i++) {
            writer.record(event("e" + i));
        }
        writer.close();
        assertThat(sink.lines).hasSize(2_000);
        assertThat(sink.flushes.get()).as("flushes for 2,000 lines").isLessThan(2_000);
        assertThat(sink.lines.stream().map(AuditWriterTest::action).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void format_writesUtcMillis_fixedOrder_andLeavesOutNulls() {
        String line = AuditLine.format(AuditEvent.at(Instant.parse("2026-12-06T11:00:00Z"), AuditEvent.Kind.MINT)
                .action("sts:GetSessionToken").principal("arn:aws:iam::123456789012:user/ci", "123456789012",
                        "AKIAEXAMPLE").token("secret-token-value").tokenId("ASIAEXAMPLE")
                .tokenExpiry(Instant.parse("2026-12-06T11:15:00Z")).build());
        assertThat(line).isEqualTo("{\"time\":\"2026-12-06T11:00:00.000Z\",\"kind\":\"mint\","
                + "\"action\":\"sts:GetSessionToken\",\"outcome\":\"success\","
                + "\"principal\":\"arn:aws:iam::123456789012:user/ci\",\"accountId\":\"123456789012\","
                + "\"accessKeyId\":\"AKIAEXAMPLE\",\"tokenFingerprint\":\"" + Fingerprint.of("secret-token-value")
                + "\",\"tokenId\":\"ASIAEXAMPLE\",\"tokenExpiry\":\"2026-12-06T11:15:00.000Z\"}");
        assertThat(line).doesNotContain("secret-token");
    }

    @Test
    void detail_isCutToItsLimit() {
        AuditEvent event = AuditEvent.at(Instant.EPOCH, AuditEvent.Kind.CHANGE).detail("d".repeat(10_000)).build();
        assertThat(event.detail()).hasSize(AuditEvent.MAX_DETAIL + 3);
    }

    /** A writer with room for 3 lines, stuck writing "first", then asked to record queued-0, queued-1... */
    private static AuditWriter stuck(GatedSink sink, int queued) throws InterruptedException {
        AuditWriter writer = new AuditWriter(sink, 3, CLOCK);
        writer.record(event("first"));
        assertThat(sink.entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < queued; i++) {
            writer.record(event("queued-" + i));
        }
        return writer;
    }

    private static AuditEvent event(String action) {
        return AuditEvent.at(CLOCK.instant(), AuditEvent.Kind.CHANGE).action(action).build();
    }

    private static String action(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node.has("action") ? node.get("action").asText() : "GAP";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A sink whose first append waits for the gate: a disk that stalls. */
    private static final class GatedSink implements AuditSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void append(byte[] line, int length, Instant time) throws IOException {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            lines.add(new String(line, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A sink that counts flushes and the lines each one covered. */
    private static final class CountingSink implements AuditSink {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger flushes = new java.util.concurrent.atomic.AtomicInteger();
        volatile int flushedLines;

        @Override
        public void append(byte[] line, int length, Instant time) {
            lines.add(new String(line, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public synchronized void flush() {
            flushedLines = lines.size();
            flushes.incrementAndGet();
            notifyAll();
        }

        synchronized void awaitFlushes(int count) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (flushes.get() < count && System.nanoTime() < deadline) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            assertThat(flushes.get()).as("flushes").isGreaterThanOrEqualTo(count);
        }

        @Override
        public void close() {
        }
    }
}
