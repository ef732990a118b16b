package io.gatepass.cli.internal.aws.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AssumedRoleCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");

    @TempDir
    Path dir;

    private static Credentials expiringAt(Instant expiration) {
        return Credentials.builder().accessKeyId("ASIACACHED").secretAccessKey("secret").sessionToken("token")
                .expiration(expiration).build();
    }

    @Test
    void get_returnsWhatWasPutWhileFarFromExpiry() {
        AssumedRoleCache cache = new AssumedRoleCache(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        cache.put("k", expiringAt(NOW.plusSeconds(3600)));
        assertThat(cache.get("k")).hasValueSatisfying(c -> {
            assertThat(c.accessKeyId()).isEqualTo("ASIACACHED");
            assertThat(c.secretAccessKey()).isEqualTo("secret");
            assertThat(c.sessionToken()).isEqualTo("token");
        });
        assertThat(cache.get("other")).isEmpty();
    }

    @Test
    void get_ignoresAnEntryWithinFifteenMinutesOfExpiry() {
        new AssumedRoleCache(dir, Clock.fixed(NOW, ZoneOffset.UTC)).put("k", expiringAt(NOW.plusSeconds(3600)));
        Instant later = NOW.plusSeconds(3600).minus(AssumedRoleCache.REFRESH_BEFORE_EXPIRY).plusSeconds(1);
        assertThat(new AssumedRoleCache(dir, Clock.fixed(later, ZoneOffset.UTC)).get("k")).isEmpty();
        assertThat(new AssumedRoleCache(dir, Clock.fixed(later.minusSeconds(2), ZoneOffset.UTC)).get("k")).isPresent();
    }

    @Test
    void put_writesAnOwnerOnlyFileInAnOwnerOnlyDirectory() throws IOException {
        Path cacheDir = dir.resolve(".aws/cli/cache");
        new AssumedRoleCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC)).put("k", expiringAt(NOW.plusSeconds(3600)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir.resolve("k.properties"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
    }

    @Test
    void get_whenTheEntryIsDamaged_isEmpty() throws IOException {
        Files.writeString(dir.resolve("k.properties"), "AccessKeyId=x\nExpiration=not-a-time\n");
        assertThat(new AssumedRoleCache(dir, Clock.fixed(NOW, ZoneOffset.UTC)).get("k")).isEmpty();
    }

    @Test
    void key_differsWhenAnyPartDiffers() {
        assertThat(AssumedRoleCache.key("http://a", "AKIA1", "arn:role/x", null))
                .isEqualTo(AssumedRoleCache.key("http://a", "AKIA1", "arn:role/x", null))
                .isNotEqualTo(AssumedRoleCache.key("http://b", "AKIA1", "arn:role/x", null))
                .isNotEqualTo(AssumedRoleCache.key("http://a", "AKIA2", "arn:role/x", null))
                .isNotEqualTo(AssumedRoleCache.key("http://a", "AKIA1", "arn:role/x", "session"));
    }
}
