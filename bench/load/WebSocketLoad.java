import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load for the GameLift server SDK websocket: CONNECTIONS loops, each opening a websocket with the SDK's query string
 * (its own pID), sending one HeartbeatServerProcess, waiting for the reply with StatusCode 200, and closing, for
 * WARMUP seconds and then SECONDS measured. Prints "rps N p50_us N p99_us N p999_us N errors N" for the measured part.
 * A refused handshake, a closed socket or a reply without StatusCode 200 counts as an error.
 * {@code java -cp 'gatepass-cli/target/dist/lib/*' bench/load/WebSocketLoad.java HOST PORT QUERY CONNECTIONS WARMUP SECONDS}
 * where QUERY is everything after '?' but the pID.
 */
public final class WebSocketLoad {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String query = args[2];
        int connections = Integer.parseInt(args[3]);
        long warmupNanos = Long.parseLong(args[4]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[5]) * 1_000_000_000L;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000).setClosingTimeout(1));
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        long[] latencies = new long[8_000_000];
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstError = {null};
        CountDownLatch finished = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            String uri = "/gamelift/sdk?" + query + "&pID=bench-process-" + i;
            vertx.runOnContext(v -> loop(client, host, port, uri, measureFrom, end, latencies, count, errors, firstError,
                    finished));
        }
        vertx.setTimer(Math.max(1, warmupNanos / 1_000_000), id -> System.out.println("measuring"));
        finished.await();
        int n = (int) Math.min(count.get(), latencies.length);
        long[] measured = Arrays.copyOf(latencies, n);
        Arrays.sort(measured);
        System.out.printf("rps %.0f p50_us %d p99_us %d p999_us %d errors %d%n", n / (measureNanos / 1e9),
                pct(measured, 50), pct(measured, 99), pct(measured, 99.9), errors.get());
        if (firstError[0] != null) {
            System.out.println("first error: " + firstError[0]);
        }
        vertx.close();
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100))] / 1000;
    }

    private static void loop(WebSocketClient client, String host, int port, String uri, long measureFrom, long end,
                             long[] latencies, AtomicLong count, AtomicLong errors, String[] firstError,
                             CountDownLatch finished) {
        long begun = System.nanoTime();
        if (begun >= end) {
            finished.countDown();
            return;
        }
        once(client, host, port, uri).onComplete(done -> {
            long now = System.nanoTime();
            if (begun >= measureFrom && now <= end) {
                if (done.succeeded()) {
                    int at = (int) count.getAndIncrement();
                    if (at < latencies.length) {
                        latencies[at] = now - begun;
                    }
                } else {
                    errors.incrementAndGet();
                }
            }
            if (done.failed() && firstError[0] == null) {
                firstError[0] = String.valueOf(done.cause());
            }
            loop(client, host, port, uri, measureFrom, end, latencies, count, errors, firstError, finished);
        });
    }

    private static Future<Void> once(WebSocketClient client, String host, int port, String uri) {
        Promise<Void> result = Promise.promise();
        client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI(uri)).onComplete(connected -> {
            if (connected.failed()) {
                result.tryFail(connected.cause());
                return;
            }
            var socket = connected.result();
            socket.textMessageHandler(text -> {
                if (text.contains("\"StatusCode\":200")) {
                    result.tryComplete();
                } else {
                    result.tryFail(text);
                }
                socket.close();
            });
            socket.closeHandler(v -> result.tryFail("closed before the reply"));
            socket.writeTextMessage("{\"Action\":\"HeartbeatServerProcess\",\"RequestId\":\"r-1\",\"HealthStatus\":true}");
        });
        return result.future();
    }
}
