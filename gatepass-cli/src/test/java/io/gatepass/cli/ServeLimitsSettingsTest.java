package io.gatepass.cli;

import io.gatepass.server.config.Limits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limit settings of {@code serve}: timeouts, connection caps and request shape limits. */
class ServeLimitsSettingsTest {

    @Test
    void limits_whenNothingSet_areTheDefaults() {
        assertThat(ServeCommand.limits(resolver(Map.of(), n -> null))).isEqualTo(Limits.DEFAULTS);
    }

    @Test
    void limits_fromFlagsAndEnvironment_areParsed() {
        Limits limits = ServeCommand.limits(resolver(Map.of(Setting.IDLE_TIMEOUT, "90s",
                Setting.MAX_CONNECTIONS_PER_CLIENT, "7", Setting.MAX_LIST_LENGTH, "50"),
                Map.of("GATEPASS_HEADER_READ_TIMEOUT", "2s", "GATEPASS_MAX_QUERY_BYTES", "4096")::get));
        assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(limits.headerReadTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.maxConnectionsPerClient()).isEqualTo(7);
        assertThat(limits.maxQueryBytes()).isEqualTo(4096);
        assertThat(limits.maxListLength()).isEqualTo(50);
        assertThat(limits.maxConnections()).isEqualTo(Limits.DEFAULTS.maxConnections());
    }

    @Test
    void limits_whenNotPositive_areRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> ServeCommand.limits(resolver(Map.of(Setting.MAX_HEADER_COUNT, "0"), n -> null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max header count");
    }

    private static SettingsResolver<Setting> resolver(Map<Setting, String> flags, Function<String, String> env) {
        return new SettingsResolver<>(Setting.class, flags, env, (Path) null);
    }
}
