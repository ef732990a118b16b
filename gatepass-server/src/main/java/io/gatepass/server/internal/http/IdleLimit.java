package io.gatepass.server.internal.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.Future;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection on which nothing was read or written for the idle timeout: a websocket with no frames, a
 * package upload or download that stopped, a keep-alive connection between requests. Each read and each write only
 * counts; a check every quarter of the timeout closes the connection once neither that count nor the bytes waiting
 * to be sent have moved for {@value #CHECKS} checks in a row, so between the timeout and 1.25 times it after the
 * last byte.
 *
 * <p>The {@link ConnectionGuard} puts it in place of Vert.x's idle timeout (Netty's {@code IdleStateHandler}) when
 * the front door gets the connection. That handler reads the clock on every read and every write and adds a listener
 * to each write's promise: about 5 % of the request threads' time per signed API call (docs/benchmarks.md, twelfth
 * pass).
 */
final class IdleLimit extends ChannelDuplexHandler implements Runnable {
    /** Its name in a connection's pipeline. */
    static final String NAME = "gatepass-idle-limit";
    /** Checks per timeout; a connection is closed after this many quiet checks in a row. */
    static final int CHECKS = 4;

    private final long periodNanos;
    private ChannelHandlerContext context;
    private Future<?> check;
    private long activity;
    private long seenActivity = -1;
    private long seenPending = -1;
    private int quietChecks;

    IdleLimit(Duration timeout) {
        this.periodNanos = Math.max(1, timeout.toNanos() / CHECKS);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        if (ctx.channel().isActive()) {
            start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (check == null) {
            start();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        activity++;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        activity++;
        ctx.write(msg, promise);
    }

    /** One check, on the connection's event loop. */
    @Override
    public void run() {
        if (!context.channel().isOpen()) {
            cancel();
            return;
        }
        long pending = pendingBytes();
        if (activity != seenActivity || pending != seenPending) {
            seenActivity = activity;
            seenPending = pending;
            quietChecks = 0;
        } else if (++quietChecks >= CHECKS) {
            cancel();
            context.close();
        }
    }

    /** Bytes written but not yet taken by the socket: a slow reader that still reads moves them. */
    private long pendingBytes() {
        ChannelOutboundBuffer buffer = context.channel().unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /** Checks at a fixed rate, so that late checks do not push the close beyond 1.25 times the timeout. */
    private void start() {
        check = context.executor().scheduleAtFixedRate(this, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
