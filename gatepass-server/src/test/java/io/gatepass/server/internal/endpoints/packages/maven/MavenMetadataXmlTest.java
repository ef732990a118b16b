package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.Snapshot;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.SnapshotFile;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.Versions;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadataXml.Uploaded;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MavenMetadataXmlTest {
    private static final Instant T1 = Instant.parse("2026-12-06T10:15:00Z");
    private static final Instant T2 = Instant.parse("2026-12-06T11:30:05Z");

    @Test
    void write_artifactLevel_maven110Layout() {
        Versions versions = new Versions("org.example", "lib", List.of("1.0", "1.1-SNAPSHOT"), T1);

        assertThat(new String(MavenMetadataXml.write(versions), StandardCharsets.UTF_8)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata modelVersion="1.1.0">
                  <groupId>org.example</groupId>
                  <artifactId>lib</artifactId>
                  <versioning>
                    <latest>1.1-SNAPSHOT</latest>
                    <release>1.0</release>
                    <versions>
                      <version>1.0</version>
                      <version>1.1-SNAPSHOT</version>
                    </versions>
                    <lastUpdated>20261206101500</lastUpdated>
                  </versioning>
                </metadata>
                """);
    }

    @Test
    void write_snapshotLevel_buildAndSnapshotVersions() {
        Snapshot snapshot = new Snapshot("org.example", "lib", "1.0-SNAPSHOT",
                Optional.of(new SnapshotBuild("20261206.113005", 2)), T2, List.of(
                new SnapshotFile("", "jar", "1.0-20261206.113005-2", T2),
                new SnapshotFile("sources", "jar", "1.0-20261206.101500-1", T1)));

        assertThat(new String(MavenMetadataXml.write(snapshot), StandardCharsets.UTF_8)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata modelVersion="1.1.0">
                  <groupId>org.example</groupId>
                  <artifactId>lib</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <versioning>
                    <snapshot>
                      <timestamp>20261206.113005</timestamp>
                      <buildNumber>2</buildNumber>
                    </snapshot>
                    <lastUpdated>20261206113005</lastUpdated>
                    <snapshotVersions>
                      <snapshotVersion>
                        <extension>jar</extension>
                        <value>1.0-20261206.113005-2</value>
                        <updated>20261206113005</updated>
                      </snapshotVersion>
                      <snapshotVersion>
                        <classifier>sources</classifier>
                        <extension>jar</extension>
                        <value>1.0-20261206.101500-1</value>
                        <updated>20261206101500</updated>
                      </snapshotVersion>
                    </snapshotVersions>
                  </versioning>
                </metadata>
                """);
    }

    @Test
    void read_whatWriteWrote_sameCoordinatesVersionsAndBuild() {
        Uploaded versions = MavenMetadataXml.read(MavenMetadataXml.write(
                new Versions("g", "a", List.of("1", "2"), T1)));
        assertThat(versions).isEqualTo(new Uploaded("g", "a", Optional.empty(), List.of("1", "2"), Optional.empty(),
                false));

        Uploaded snapshot = MavenMetadataXml.read(MavenMetadataXml.write(new Snapshot("g", "a", "1-SNAPSHOT",
                Optional.of(new SnapshotBuild("20261206.101500", 7)), T1, List.of())));
        assertThat(snapshot.version()).contains("1-SNAPSHOT");
        assertThat(snapshot.snapshot()).contains(new SnapshotBuild("20261206.101500", 7));
    }

    @Test
    void read_mavenStyleUploadWithLocalCopyAndWhitespace_parsed() {
        Uploaded uploaded = MavenMetadataXml.read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata xmlns="http://maven.apache.org/METADATA/1.1.0" modelVersion="1.1.0">
                  <groupId> org.example </groupId><artifactId>lib</artifactId>
                  <versioning><latest>1.0</latest><release>1.0</release>
                    <versions><version>0.9</version><version>1.0</version></versions>
                    <lastUpdated>20261206101500</lastUpdated></versioning>
                </metadata>""".getBytes(StandardCharsets.UTF_8));

        assertThat(uploaded.groupId()).isEqualTo("org.example");
        assertThat(uploaded.versions()).containsExactly("0.9", "1.0");
    }

    @Test
    void read_groupLevelPluginList_groupLevelWithoutCoordinates() {
        Uploaded uploaded = read("<metadata><plugins><plugin><name>Demo</name><prefix>demo</prefix>"
                + "<artifactId>demo-maven-plugin</artifactId></plugin></plugins></metadata>");

        assertThat(uploaded.groupLevel()).isTrue();
    }

    @Test
    void read_malformedOrUnsafe_refusedWithReason() {
        assertThatThrownBy(() -> read("<metadata><groupId>g</groupId>"))
                .isInstanceOf(InvalidMetadataException.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> read("<project/>")).hasMessageContaining("not <metadata>");
        assertThatThrownBy(() -> read("<metadata><artifactId>a</artifactId></metadata>"))
                .hasMessageContaining("no <groupId>");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<metadata><groupId>&x;</groupId><artifactId>a</artifactId></metadata>"))
                .isInstanceOf(InvalidMetadataException.class);
        assertThatThrownBy(() -> read("<metadata><groupId>g</groupId><artifactId>a</artifactId><versioning>"
                + "<snapshot><timestamp>2026</timestamp><buildNumber>1</buildNumber></snapshot>"
                + "</versioning></metadata>"))
                .hasMessageContaining("<timestamp> yyyyMMdd.HHmmss");
    }

    private static Uploaded read(String xml) {
        return MavenMetadataXml.read(xml.getBytes(StandardCharsets.UTF_8));
    }
}
