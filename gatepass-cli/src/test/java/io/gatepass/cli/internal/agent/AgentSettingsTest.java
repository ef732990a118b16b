package io.gatepass.cli.internal.agent;

import io.gatepass.cli.SettingsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentSettingsTest {

    @Test
    void resolve_takesFlagOverEnvironmentOverConfigFile(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("agent.yaml");
        Files.writeString(yaml, """
                fleet-id: fleet-from-file
                location: custom-file
                ip-address: 10.0.0.1
                compute-name: from-file
                refresh-interval: 2m
                launch-command: [./server, --port, "7777"]
                """);
        Map<String, String> env = Map.of("GATEPASS_AGENT_LOCATION", "custom-env",
                "GATEPASS_AGENT_COMPUTE_NAME", "from-env", "GATEPASS_AGENT_STATUS_PORT", "9800");
        AgentSettings settings = AgentSettings.resolve(resolver(
                Map.of(AgentSetting.COMPUTE_NAME, "from-flag"), env::get, yaml), List.of());
        assertThat(settings.fleetId()).isEqualTo("fleet-from-file");
        assertThat(settings.location()).isEqualTo("custom-env");
        assertThat(settings.computeName()).isEqualTo("from-flag");
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.statusPort()).isEqualTo(9800);
        assertThat(settings.command()).containsExactly("./server", "--port", "7777");
    }

    @Test
    void resolve_withOnlyTheRequiredSettings_usesTheDefaults() {
        Map<String, String> env = Map.of("GATEPASS_AGENT_FLEET_ID", "fleet-1", "GATEPASS_AGENT_LOCATION", "custom-a",
                "GATEPASS_AGENT_DNS_NAME", "game.example.com");
        AgentSettings settings = AgentSettings.resolve(resolver(Map.of(), env::get, null), null);
        assertThat(settings.computeName()).isEqualTo(AgentSettings.hostComputeName()).matches("[a-z0-9-]+");
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.retryMinDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.retryMaxDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.gracePeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.concurrentProcesses()).isEqualTo(1);
        assertThat(settings.statusPort()).isNull();
        assertThat(settings.tokenFile()).isNull();
        assertThat(settings.command()).isEmpty();
    }

    @Test
    void command_afterDoubleDashWins_elseTheEnvironmentSplitAtWhiteSpace() {
        Map<String, String> env = Map.of("GATEPASS_AGENT_LAUNCH_COMMAND", " ./server  --port 7777 ",
                "GATEPASS_AGENT_FLEET_ID", "fleet-1", "GATEPASS_AGENT_LOCATION", "custom-x",
                "GATEPASS_AGENT_IP_ADDRESS", "10.0.0.1", "GATEPASS_AGENT_COMPUTE_NAME", "rack-1");
        var resolver = resolver(Map.of(), env::get, null);
        assertThat(AgentSettings.resolve(resolver, List.of("./other")).command()).containsExactly("./other");
        assertThat(AgentSettings.resolve(resolver, List.of()).command()).containsExactly("./server", "--port", "7777");
    }

    @Test
    void runtimeConfiguration_isFleetOnly_andExcludesACommand() {
        Map<String, String> env = Map.of("GATEPASS_AGENT_FLEET_ID", "fleet-1", "GATEPASS_AGENT_LOCATION", "custom-x",
                "GATEPASS_AGENT_IP_ADDRESS", "10.0.0.1", "GATEPASS_AGENT_COMPUTE_NAME", "rack-1");
        var fleet = resolver(Map.of(AgentSetting.RUNTIME_CONFIGURATION, "fleet"), env::get, null);
        assertThat(AgentSettings.resolve(fleet, List.of()).runtimeConfiguration()).isEqualTo("fleet");
        assertThat(AgentSettings.resolve(resolver(Map.of(), env::get, null), List.of()).runtimeConfiguration())
                .isNull();
        assertThatThrownBy(() -> AgentSettings.resolve(fleet, List.of("./server")))
                .hasMessageContaining("either --runtime-configuration fleet or a game server command");
        assertThatThrownBy(() -> AgentSettings.resolve(resolver(Map.of(AgentSetting.RUNTIME_CONFIGURATION,
                "{\"ServerProcesses\":[]}"), env::get, null), List.of()))
                .hasMessageContaining("--runtime-configuration takes one value: fleet");
    }

    @Test
    void getDuration_acceptsShortAndIsoForms_andRefusesTheRest() {
        Map<String, Duration> valid = Map.of("5m", Duration.ofMinutes(5), "1h30m", Duration.ofMinutes(90),
                "250ms", Duration.ofMillis(250), "2s500ms", Duration.ofMillis(2500), "PT10S", Duration.ofSeconds(10));
        for (var entry : valid.entrySet()) {
            var resolver = resolver(
                    Map.of(AgentSetting.REFRESH_INTERVAL, entry.getKey()), name -> null, null);
            assertThat(resolver.getDuration(AgentSetting.REFRESH_INTERVAL)).as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
        for (String invalid : new String[] {"5", "m", "-5m", "5 m", "0s", "5d", "PT-1S", "soon"}) {
            var resolver = resolver(
                    Map.of(AgentSetting.REFRESH_INTERVAL, invalid), name -> null, null);
            assertThatThrownBy(() -> resolver.getDuration(AgentSetting.REFRESH_INTERVAL)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--refresh-interval");
        }
    }

    @Test
    void resolve_withoutAnAddressOrFleet_saysWhatIsMissing() {
        Map<String, String> env = Map.of("GATEPASS_AGENT_FLEET_ID", "fleet-1", "GATEPASS_AGENT_LOCATION", "custom-a");
        assertThatThrownBy(() -> AgentSettings.resolve(resolver(Map.of(), env::get, null), null))
                .hasMessageContaining("--ip-address or --dns-name");
        assertThatThrownBy(() -> AgentSettings.resolve(resolver(Map.of(), name -> null, null), null))
                .hasMessageContaining("--fleet-id is required");
    }

    @Test
    void configFile_withAnUnknownKey_isRefused(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("agent.yaml");
        Files.writeString(yaml, "fleet: fleet-1\n");
        assertThatThrownBy(() -> resolver(Map.of(), name -> null, yaml))
                .hasMessageContaining("unknown setting 'fleet'");
    }

    private static SettingsResolver<AgentSetting> resolver(Map<AgentSetting, String> flags,
                                                           Function<String, String> env, Path file) {
        return new SettingsResolver<>(AgentSetting.class, flags, env, file);
    }
}
