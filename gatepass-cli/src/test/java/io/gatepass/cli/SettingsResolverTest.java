package io.gatepass.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsResolverTest {

    @Test
    void get_whenNothingSet_givesTheDefaults() {
        var settings = resolver(Map.of(), name -> null, null);
        assertThat(settings.getInt(Setting.PORT)).isEqualTo(9700);
        assertThat(settings.get(Setting.BIND)).isEqualTo("127.0.0.1");
        assertThat(settings.get(Setting.DATA_DIR)).isEqualTo("./gatepass-data");
        assertThat(settings.get(Setting.STORE)).isNull();
        assertThat(settings.get(Setting.REGION)).isEqualTo("us-east-1");
        assertThat(settings.get(Setting.LOG_FORMAT)).isEqualTo("text");
        assertThat(settings.getInt(Setting.MAX_BODY_BYTES)).isEqualTo(1048576);
        assertThat(settings.getDuration(Setting.COMPUTE_TOKEN_TTL)).isEqualTo(java.time.Duration.ofHours(3));
    }

    @Test
    void getDuration_acceptsShortAndIsoForms_andRefusesTheRest() {
        for (var form : Map.of("90m", 90L * 60, "1h30m", 90L * 60, "600s", 600L, "PT2H", 7200L).entrySet()) {
            var settings = resolver(Map.of(Setting.COMPUTE_TOKEN_TTL, form.getKey()),
                    n -> null, null);
            assertThat(settings.getDuration(Setting.COMPUTE_TOKEN_TTL).toSeconds()).as(form.getKey())
                    .isEqualTo(form.getValue());
        }
        for (String bad : new String[] {"soon", "0s", "-5m"}) {
            var settings = resolver(Map.of(Setting.COMPUTE_TOKEN_TTL, bad), n -> null, null);
            assertThatThrownBy(() -> settings.getDuration(Setting.COMPUTE_TOKEN_TTL))
                    .hasMessageContaining("--compute-token-ttl");
        }
    }

    @Test
    void get_precedence_isFlagOverEnvironmentOverFileOverDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gatepass.yaml");
        Files.writeString(file, "port: 9801\nregion: eu-west-1\nbind: 0.0.0.0\nstore: jdbc:postgresql://db/gp\n");
        Map<String, String> env = Map.of("GATEPASS_PORT", "9802", "GATEPASS_REGION", "eu-west-2");
        var settings = resolver(Map.of(Setting.PORT, "9803"), env::get, file);
        assertThat(settings.getInt(Setting.PORT)).isEqualTo(9803);
        assertThat(settings.get(Setting.REGION)).isEqualTo("eu-west-2");
        assertThat(settings.get(Setting.BIND)).isEqualTo("0.0.0.0");
        assertThat(settings.get(Setting.STORE)).isEqualTo("jdbc:postgresql://db/gp");
        assertThat(settings.get(Setting.LOG_FORMAT)).isEqualTo("text");
    }

    @Test
    void configFile_isTheFlagElseTheEnvironment_andNeverAKeyOfTheFile(@TempDir Path dir) throws Exception {
        Path fromFlag = Files.writeString(dir.resolve("flag.yaml"), "region: eu-west-1\n");
        Path fromEnv = Files.writeString(dir.resolve("env.yaml"), "region: eu-west-2\n");
        Map<String, String> env = Map.of("GATEPASS_CONFIG", fromEnv.toString());
        assertThat(new SettingsResolver<>(Setting.class, Map.of(Setting.CONFIG, fromFlag.toString()), env::get)
                .get(Setting.REGION)).isEqualTo("eu-west-1");
        assertThat(new SettingsResolver<>(Setting.class, Map.of(), env::get).get(Setting.REGION))
                .isEqualTo("eu-west-2");
        assertThat(new SettingsResolver<>(Setting.class, Map.of(), Map.of("GATEPASS_CONFIG", " ")::get)
                .get(Setting.REGION)).isEqualTo("us-east-1");
        Files.writeString(fromEnv, "config: other.yaml\n");
        assertThatThrownBy(() -> new SettingsResolver<>(Setting.class, Map.of(), env::get))
                .hasMessageContaining("unknown setting 'config'");
    }

    @Test
    void environmentOnlySettings_comeFromTheEnvironment_neverFromTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gatepass.yaml"), "master-key: abc\n");
        assertThatThrownBy(() -> resolver(Map.of(), n -> null, file)).hasMessageContaining("unknown setting");
        var settings = resolver(Map.of(), Map.of("GATEPASS_MASTER_KEY", "k", "GATEPASS_ACCOUNT_ID", " ")::get, null);
        assertThat(settings.get(Setting.MASTER_KEY)).isEqualTo("k");
        assertThat(settings.get(Setting.ACCOUNT_ID)).isNull();
    }

    @Test
    void constructor_whenFileHasUnknownSetting_namesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gatepass.yaml");
        Files.writeString(file, "prot: 1\n");
        assertThatThrownBy(() -> resolver(Map.of(), n -> null, file))
                .hasMessageContaining("unknown setting 'prot'");
    }

    @Test
    void getInt_whenNotANumber_namesTheFlag() {
        var settings = resolver(Map.of(Setting.PORT, "http"), n -> null, null);
        assertThatThrownBy(() -> settings.getInt(Setting.PORT)).hasMessageContaining("--port");
    }

    private static SettingsResolver<Setting> resolver(Map<Setting, String> flags, Function<String, String> env,
                                                      Path file) {
        return new SettingsResolver<>(Setting.class, flags, env, file);
    }
}
