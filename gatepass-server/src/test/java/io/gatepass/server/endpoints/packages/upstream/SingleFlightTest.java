package io.gatepass.server.endpoints.packages.upstream;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleFlightTest {

    @Test
    void run_whenASecondCallerComesWhileTheFirstRuns_waitsForItsResultInsteadOfRunningAgain() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> flights.run("left-pad@1.0.0",
                Duration.ofSeconds(30), () -> {
                    started.incrementAndGet();
                    release.await();
                    return "fetched";
                }));
        while (started.get() == 0) {
            Thread.onSpinWait();
        }
        CompletableFuture<String> waiting = new CompletableFuture<>();
        Thread thread = new Thread(() -> waiting.complete(flights.run("left-pad@1.0.0", Duration.ofSeconds(30), () -> {
            started.incrementAndGet();
            return "fetched again";
        })));
        thread.start();
        // the second caller is parked on the first flight's result (observable, no timing involved)
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertThat(first.get()).isEqualTo("fetched");
        assertThat(waiting.get()).isEqualTo("fetched");
        assertThat(started.get()).isEqualTo(1);
        assertThat(flights.runs()).isEqualTo(1);
    }

    @Test
    void run_afterAFlightFailed_runsAgainForTheNextCaller() {
        SingleFlight<String, String> flights = new SingleFlight<>();

        assertThatThrownBy(() -> flights.run("k", Duration.ofSeconds(1), () -> {
            throw new UpstreamUnavailable(502, "registry down");
        })).isInstanceOf(UpstreamUnavailable.class).hasMessage("registry down");
        assertThat(flights.run("k", Duration.ofSeconds(1), () -> "ok")).isEqualTo("ok");
        assertThat(flights.runs()).isEqualTo(2);
    }
}
