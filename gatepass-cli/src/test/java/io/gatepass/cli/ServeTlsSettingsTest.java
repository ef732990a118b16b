package io.gatepass.cli;

import io.gatepass.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TLS settings of {@code serve}: --tls-port, --tls-cert, --tls-key and --advertised-host. */
class ServeTlsSettingsTest {

    @Test
    void tls_whenNothingSet_isPort9443WithTheSelfSignedCertificate() {
        var settings = resolver(Map.of(), n -> null, null);
        assertThat(ServeCommand.tls(settings)).isEqualTo(ServerConfig.Tls.selfSigned(9443));
        assertThat(settings.get(Setting.ADVERTISED_HOST)).isNull();
    }

    @Test
    void tls_precedence_isFlagOverEnvironmentOverFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gatepass.yaml");
        Files.writeString(file, "tls-port: 9001\ntls-cert: /file/cert.pem\ntls-key: /file/key.pem\n"
                + "advertised-host: file.example\n");
        Map<String, String> env = Map.of("GATEPASS_TLS_PORT", "9002", "GATEPASS_TLS_CERT", "/env/cert.pem",
                "GATEPASS_ADVERTISED_HOST", "env.example");
        var settings = resolver(Map.of(Setting.TLS_PORT, "9003", Setting.ADVERTISED_HOST, "flag.example"), env::get,
                file);
        assertThat(ServeCommand.tls(settings)).isEqualTo(new ServerConfig.Tls(9003, Path.of("/env/cert.pem"),
                Path.of("/file/key.pem")));
        assertThat(settings.get(Setting.ADVERTISED_HOST)).isEqualTo("flag.example");

        var fromFile = resolver(Map.of(), n -> null, file);
        assertThat(ServeCommand.tls(fromFile)).isEqualTo(new ServerConfig.Tls(9001, Path.of("/file/cert.pem"),
                Path.of("/file/key.pem")));
        assertThat(fromFile.get(Setting.ADVERTISED_HOST)).isEqualTo("file.example");
    }

    @Test
    void tls_whenPortIsOff_isNone_alsoFromAnUnquotedYamlOff(@TempDir Path dir) throws Exception {
        assertThat(ServeCommand.tls(resolver(Map.of(Setting.TLS_PORT, "off"), n -> null, null)))
                .isEqualTo(ServerConfig.Tls.OFF);
        assertThat(ServeCommand.tls(resolver(Map.of(), Map.of("GATEPASS_TLS_PORT", "OFF")::get, null)))
                .isEqualTo(ServerConfig.Tls.OFF);
        Path file = dir.resolve("gatepass.yaml");
        Files.writeString(file, "tls-port: off\n");
        assertThat(ServeCommand.tls(resolver(Map.of(), n -> null, file))).isEqualTo(ServerConfig.Tls.OFF);
        assertThat(ServerConfig.Tls.OFF.enabled()).isFalse();
    }

    @Test
    void tls_whenPortIsZero_picksAFreePort() {
        assertThat(ServeCommand.tls(resolver(Map.of(Setting.TLS_PORT, "0"), n -> null, null)))
                .isEqualTo(ServerConfig.Tls.selfSigned(0));
    }

    @Test
    void tls_whenSettingsDisagree_saysWhatIsWrong() {
        assertThatThrownBy(() -> ServeCommand.tls(resolver(Map.of(Setting.TLS_CERT, "c.pem"), n -> null, null)))
                .hasMessageContaining("--tls-cert and --tls-key go together");
        assertThatThrownBy(() -> ServeCommand.tls(resolver(Map.of(Setting.TLS_PORT, "off", Setting.TLS_CERT, "c.pem",
                Setting.TLS_KEY, "k.pem"), n -> null, null))).hasMessageContaining("--tls-port is off");
        assertThatThrownBy(() -> ServeCommand.tls(resolver(Map.of(Setting.TLS_PORT, "https"), n -> null, null)))
                .hasMessageContaining("--tls-port");
        assertThatThrownBy(() -> ServeCommand.tls(resolver(Map.of(Setting.TLS_PORT, "70000"), n -> null, null)))
                .hasMessageContaining("--tls-port must be a port from 0 to 65535 or off");
    }

    private static SettingsResolver<Setting> resolver(Map<Setting, String> flags, Function<String, String> env,
                                                      Path file) {
        return new SettingsResolver<>(Setting.class, flags, env, file);
    }
}
