package io.gatepass.cli;

import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a graceful stop once on SIGTERM or SIGINT, so that the process can drain and exit 0. */
public final class Signals {
    private Signals() {
    }

    public static void onTermination(Runnable stop) {
        AtomicBoolean once = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (once.compareAndSet(false, true)) {
                    Thread stopper = new Thread(stop, "gatepass-stop");
                    stopper.start();
                }
            });
        }
    }
}
