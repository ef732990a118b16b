package io.gatepass.server.internal.endpoints.packages.upstream;

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

    @Test
    void run_whenAsManyCallersAsAllowedAreHoldingThreads_answersTheNextAtOnceWith503_andTakesCallersAgainAfter()
            throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(2);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> flights.run("a@1", Duration.ofSeconds(30),
                () -> {
                    started.countDown();
                    release.await();
                    return "a";
                }), callers);
        CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> flights.run("b@1", Duration.ofSeconds(30),
                () -> {
                    started.countDown();
                    release.await();
                    return "b";
                }), callers);
        started.await();

        assertThatThrownBy(() -> flights.run("c@1", Duration.ofSeconds(30), () -> "c"))
                .isInstanceOfSatisfying(UpstreamUnavailable.class, e -> assertThat(e.status()).isEqualTo(503));
        release.countDown();
        assertThat(a.get()).isEqualTo("a");
        assertThat(b.get()).isEqualTo("b");
        assertThat(flights.run("c@1", Duration.ofSeconds(30), () -> "c")).isEqualTo("c");
        callers.shutdown();
    }

    @Test
    void run_insideAFlightOnTheSameThread_takesNoSecondPlace() {
        SingleFlight<String, String> flights = new SingleFlight<>(1);

        String result = flights.run("left-pad@1.0.0", Duration.ofSeconds(30),
                () -> flights.run("GET /left-pad", Duration.ofSeconds(30), () -> "packument") + " then tarball");

        assertThat(result).isEqualTo("packument then tarball");
        assertThat(flights.run("other@1", Duration.ofSeconds(30), () -> "free again")).isEqualTo("free again");
    }
}
