package io.gatepass.cli;

import io.gatepass.server.internal.throttling.RateLimit;
import io.gatepass.server.internal.throttling.ThrottlingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttling settings of {@code serve}: --throttling and --throttling-quotas. */
class ServeThrottlingSettingsTest {

    @Test
    void throttling_whenNothingSet_isTheGenerousProfile() {
        assertThat(ServeCommand.throttling(resolver(Map.of(), Map.of(), null))).isEqualTo(ThrottlingSettings.DEFAULT);
    }

    @Test
    void throttling_precedence_isFlagOverEnvironmentOverFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gatepass.yaml");
        Files.writeString(file, "throttling: off\nthrottling-quotas: \"sts:*=10\"\n");

        assertThat(ServeCommand.throttling(resolver(Map.of(), Map.of(), file)))
                .isEqualTo(new ThrottlingSettings(ThrottlingSettings.Profile.OFF, Map.of("sts:*",
                        new RateLimit(10, 10))));
        assertThat(ServeCommand.throttling(resolver(Map.of(), Map.of("GATEPASS_THROTTLING", "aws"), file)).profile())
                .isEqualTo(ThrottlingSettings.Profile.AWS);
        assertThat(ServeCommand.throttling(resolver(Map.of(Setting.THROTTLING, "generous",
                Setting.THROTTLING_QUOTAS, "gamelift:GetComputeAuthToken=5/10"), Map.of("GATEPASS_THROTTLING", "aws"),
                file))).isEqualTo(ThrottlingSettings.DEFAULT.with("gamelift:GetComputeAuthToken", new RateLimit(5, 10)));
    }

    @Test
    void throttling_whenUnreadable_saysWhatIsWrong() {
        assertThatThrownBy(() -> ServeCommand.throttling(resolver(Map.of(Setting.THROTTLING, "strict"), Map.of(),
                null))).hasMessageContaining("--throttling is generous, aws or off");
        assertThatThrownBy(() -> ServeCommand.throttling(resolver(Map.of(Setting.THROTTLING_QUOTAS, "sts=5"),
                Map.of(), null))).hasMessageContaining("not a quota name");
    }

    private static SettingsResolver<Setting> resolver(Map<Setting, String> flags, Map<String, String> env,
                                                      Path file) {
        return new SettingsResolver<>(Setting.class, flags, env::get, file);
    }
}
