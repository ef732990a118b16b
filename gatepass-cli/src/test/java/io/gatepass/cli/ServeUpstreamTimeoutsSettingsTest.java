package io.gatepass.cli;

import io.gatepass.server.config.UpstreamTimeouts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeUpstreamTimeoutsSettingsTest {

    @Test
    void upstreamTimeouts_default_to5sAnd30s() {
        assertThat(ServeCommand.upstreamTimeouts(resolver(Map.of(), n -> null)))
                .isEqualTo(new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .isEqualTo(UpstreamTimeouts.DEFAULTS);
    }

    @Test
    void upstreamTimeouts_comeFromTheEnvironment_andTheFlagWins() {
        Map<String, String> env = Map.of("GATEPASS_UPSTREAM_TIMEOUT", "10s",
                "GATEPASS_UPSTREAM_CONNECT_TIMEOUT", "1s");
        assertThat(ServeCommand.upstreamTimeouts(resolver(Map.of(), env::get)))
                .isEqualTo(new UpstreamTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10)));
        assertThat(ServeCommand.upstreamTimeouts(resolver(Map.of(Setting.UPSTREAM_TIMEOUT, "750ms"), env::get)))
                .isEqualTo(new UpstreamTimeouts(Duration.ofSeconds(1), Duration.ofMillis(750)));
    }

    @Test
    void upstreamTimeouts_whenNotADuration_areRefusedNamingTheFlag() {
        assertThatThrownBy(() -> ServeCommand.upstreamTimeouts(resolver(Map.of(Setting.UPSTREAM_TIMEOUT, "0s"),
                n -> null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--upstream-timeout");
        assertThatThrownBy(() -> ServeCommand.upstreamTimeouts(resolver(Map.of(Setting.UPSTREAM_CONNECT_TIMEOUT,
                "soon"), n -> null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--upstream-connect-timeout");
    }

    private static SettingsResolver<Setting> resolver(Map<Setting, String> flags, Function<String, String> env) {
        return new SettingsResolver<>(Setting.class, flags, env, (Path) null);
    }
}
