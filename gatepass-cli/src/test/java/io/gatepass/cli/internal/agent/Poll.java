package io.gatepass.cli.internal.agent;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that real processes or threads bring about, checking often, failing after a deadline. */
final class Poll {
    private Poll() {
    }

    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }
}
