package io.gatepass.cli;

import io.gatepass.server.config.AuditSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log settings of {@code serve}: --audit-log, --audit-max-file-bytes, --audit-rotate-daily, ... */
class ServeAuditSettingsTest {

    @Test
    void audit_whenNothingSet_isOnInTheDataDirWithTheDefaults() {
        assertThat(ServeCommand.audit(resolver(Map.of(), n -> null, null))).isEqualTo(AuditSettings.DEFAULTS);
    }

    @Test
    void audit_fromFlagsEnvironmentAndFile_inThatPrecedence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gatepass.yaml");
        Files.writeString(file, "audit-log: /file/audit.log\naudit-retain-files: 7\naudit-reads: true\n"
                + "audit-rotate-daily: false\n");
        Map<String, String> env = Map.of("GATEPASS_AUDIT_LOG", "/env/audit.log",
                "GATEPASS_AUDIT_MAX_FILE_BYTES", "2048");
        AuditSettings settings = ServeCommand.audit(resolver(Map.of(Setting.AUDIT_RETAIN_FILES, "3"), env::get,
                file));
        assertThat(settings).isEqualTo(new AuditSettings(true, Path.of("/env/audit.log"), 2048, false, 3, true));
    }

    @Test
    void audit_off_isOff_alsoAsYamlReadsAnUnquotedOff(@TempDir Path dir) throws Exception {
        assertThat(ServeCommand.audit(resolver(Map.of(Setting.AUDIT_LOG, "off"), n -> null, null)).enabled())
                .isFalse();
        Path file = dir.resolve("gatepass.yaml");
        Files.writeString(file, "audit-log: off\n");
        assertThat(ServeCommand.audit(resolver(Map.of(), n -> null, file)).enabled()).isFalse();
    }

    @Test
    void audit_badValues_sayWhichSetting() {
        assertThatThrownBy(() -> ServeCommand.audit(resolver(Map.of(Setting.AUDIT_MAX_FILE_BYTES, "big"),
                n -> null, null))).hasMessageContaining("--audit-max-file-bytes");
        assertThatThrownBy(() -> ServeCommand.audit(resolver(Map.of(Setting.AUDIT_MAX_FILE_BYTES, "10"),
                n -> null, null))).hasMessageContaining("at least 1024");
        assertThatThrownBy(() -> ServeCommand.audit(resolver(Map.of(Setting.AUDIT_READS, "maybe"),
                n -> null, null))).hasMessageContaining("--audit-reads");
        assertThatThrownBy(() -> ServeCommand.audit(resolver(Map.of(Setting.AUDIT_RETAIN_FILES, "-1"),
                n -> null, null))).hasMessageContaining("--audit-retain-files");
    }

    private static SettingsResolver<Setting> resolver(Map<Setting, String> flags, Function<String, String> env,
                                                      Path file) {
        return new SettingsResolver<>(Setting.class, flags, env, file);
    }
}
