package io.gatepass.server.internal.endpoints.sdk;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the SDK websocket puts in its log lines of a value the client chose (pID, fleet, compute). */
class SdkWebSocketRouteTest {
    @Test
    void loggable_replacesControlCharacters_soAClientCannotForgeLogLines() {
        String forged = "proc-1\n12:00:00.000 INFO  forged line\r\u0007\u001b[31m";

        assertThat(SdkWebSocketRoute.loggable(Map.of("pID", forged), "pID"))
                .isEqualTo("proc-1?12:00:00.000 INFO  forged line???[31m");
    }

    @Test
    void loggable_cutsLongValues_andMarksAMissingOne() {
        String loggable = SdkWebSocketRoute.loggable(Map.of("pID", "p".repeat(300)), "pID");

        assertThat(loggable).isEqualTo("p".repeat(128) + "...");
        assertThat(SdkWebSocketRoute.loggable(Map.of(), "pID")).isEqualTo("-");
    }
}
