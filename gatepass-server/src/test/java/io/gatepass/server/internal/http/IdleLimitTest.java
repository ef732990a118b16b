package io.gatepass.server.internal.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idle limit on a channel whose clock the test moves: a connection is closed between the timeout and 1.25 times
 * it after its last byte read or written, and not before; bytes still waiting to be sent do not keep it open.
 */
class IdleLimitTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long QUARTER_MILLIS = TIMEOUT.toMillis() / IdleLimit.CHECKS;

    @Test
    void silentConnection_isOpenAtTheTimeout_andClosedByATimeAndAQuarter() {
        EmbeddedChannel channel = channel();
        after(channel, TIMEOUT.toMillis());
        assertThat(channel.isOpen()).isTrue();
        after(channel, QUARTER_MILLIS);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void reads_keepTheConnectionOpen_andItClosesOnceTheyStop() {
        assertKeptOpenThenClosed("read", channel -> {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
            channel.releaseInbound();
        });
    }

    @Test
    void writes_keepTheConnectionOpen_andItClosesOnceTheyStop() {
        assertKeptOpenThenClosed("write", channel -> {
            channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1}));
            channel.releaseOutbound();
        });
    }

    @Test
    void writeThatTheClientNeverTakes_doesNotKeepTheConnectionOpen() {
        EmbeddedChannel channel = channel();
        channel.write(Unpooled.wrappedBuffer(new byte[1024])); // written, never flushed: it waits in the buffer
        assertThat(channel.unsafe().outboundBuffer().totalPendingWriteBytes()).isPositive();
        assertClosesWithinATimeAndAQuarter(channel);
    }

    @Test
    void closedConnection_leavesNoCheckBehind() {
        EmbeddedChannel channel = channel();
        channel.close();
        after(channel, TIMEOUT.toMillis() * 2);
        assertThat(channel.runScheduledPendingTasks()).as("nanoseconds to the next task, -1 for none").isEqualTo(-1);
    }

    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addFirst(new IdleLimit(TIMEOUT));
        return channel;
    }

    /**
     * Twenty rounds of {@code traffic}, each after the longest quiet spell that must not close the connection (three
     * quiet checks: the timeout less a quarter), then silence: closed within 1.25 times the timeout.
     */
    private static void assertKeptOpenThenClosed(String what, Consumer<EmbeddedChannel> traffic) {
        EmbeddedChannel channel = channel();
        for (int i = 0; i < 20; i++) {
            after(channel, TIMEOUT.toMillis() - QUARTER_MILLIS - 1);
            traffic.accept(channel);
            assertThat(channel.isOpen()).as("after %s %d", what, i).isTrue();
        }
        assertClosesWithinATimeAndAQuarter(channel);
    }

    private static void assertClosesWithinATimeAndAQuarter(EmbeddedChannel channel) {
        after(channel, TIMEOUT.toMillis() - 1);
        assertThat(channel.isOpen()).as("open until the timeout").isTrue();
        after(channel, QUARTER_MILLIS + 1);
        assertThat(channel.isOpen()).as("closed by 1.25 times the timeout").isFalse();
    }

    /** Moves the channel's clock on by {@code millis}, a tenth of a check's period at a time, running what is due. */
    private static void after(EmbeddedChannel channel, long millis) {
        long step = Math.max(1, QUARTER_MILLIS / 10);
        for (long done = 0; done < millis; done += step) {
            channel.advanceTimeBy(Math.min(step, millis - done), TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
    }
}
