package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.ArtifactFile;
import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.MetadataFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MavenPathParserTest {

    @Test
    void parse_releaseJar_coordinatesAndCodeArtifactNames() {
        ArtifactFile file = (ArtifactFile) MavenPathParser.parse("org/example/lib/1.0/lib-1.0.jar");

        assertThat(file).isEqualTo(new ArtifactFile("org.example", "lib", "1.0", "lib-1.0.jar", "", "jar",
                Optional.empty(), Optional.empty()));
        assertThat(file.namespace()).isEqualTo("org.example");
        assertThat(file.packageName()).isEqualTo("lib");
        assertThat(file.isPom()).isFalse();
        assertThat(file.isSnapshot()).isFalse();
    }

    @Test
    void parse_pomClassifierCompoundExtensionSignature_split() {
        assertThat(((ArtifactFile) MavenPathParser.parse("org/example/lib/1.0/lib-1.0.pom")).isPom()).isTrue();
        ArtifactFile sources = (ArtifactFile) MavenPathParser.parse("org/example/lib/1.0/lib-1.0-sources.jar");
        assertThat(sources.classifier()).isEqualTo("sources");
        assertThat(sources.extension()).isEqualTo("jar");
        ArtifactFile tarball = (ArtifactFile) MavenPathParser.parse("g/lib/2.1.0/lib-2.1.0-linux-x64.tar.gz");
        assertThat(tarball.classifier()).isEqualTo("linux-x64");
        assertThat(tarball.extension()).isEqualTo("tar.gz");
        ArtifactFile signature = (ArtifactFile) MavenPathParser.parse("g/lib/1/lib-1.jar.asc");
        assertThat(signature.classifier()).isEmpty();
        assertThat(signature.extension()).isEqualTo("jar.asc");
    }

    @Test
    void parse_checksumSuffixes_nameTheFileWithoutThem() {
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            ArtifactFile file = (ArtifactFile) MavenPathParser.parse(
                    "org/example/lib/1.0/lib-1.0.jar." + algorithm.suffix());
            assertThat(file.checksum()).contains(algorithm);
            assertThat(file.fileName()).isEqualTo("lib-1.0.jar");
            assertThat(file.withoutChecksum().path()).isEqualTo("org/example/lib/1.0/lib-1.0.jar");
        }
    }

    @Test
    void parse_timestampedSnapshotFile_buildAndVersionDirectory() {
        ArtifactFile file = (ArtifactFile) MavenPathParser.parse(
                "org/example/lib/1.0-SNAPSHOT/lib-1.0-20261206.101500-3-sources.jar.sha1");

        assertThat(file.version()).isEqualTo("1.0-SNAPSHOT");
        assertThat(file.build()).contains(new SnapshotBuild("20261206.101500", 3));
        assertThat(file.build().get().version("1.0-SNAPSHOT")).isEqualTo("1.0-20261206.101500-3");
        assertThat(file.classifier()).isEqualTo("sources");
        assertThat(file.extension()).isEqualTo("jar");
        assertThat(file.fileName()).isEqualTo("lib-1.0-20261206.101500-3-sources.jar");
        assertThat(file.checksum()).contains(ChecksumAlgorithm.SHA1);
    }

    @Test
    void parse_nonTimestampedSnapshotFile_noBuild() {
        ArtifactFile file = (ArtifactFile) MavenPathParser.parse("g/lib/1.0-SNAPSHOT/lib-1.0-SNAPSHOT.pom");

        assertThat(file.build()).isEmpty();
        assertThat(file.isPom()).isTrue();
    }

    @Test
    void parse_metadataAtArtifactLevel_noVersion() {
        assertThat(MavenPathParser.parse("org/example/lib/maven-metadata.xml"))
                .isEqualTo(new MetadataFile("org.example", "lib", Optional.empty(), Optional.empty()));
        assertThat(MavenPathParser.parse("org/example/lib/maven-metadata.xml.sha512"))
                .isEqualTo(new MetadataFile("org.example", "lib", Optional.empty(),
                        Optional.of(ChecksumAlgorithm.SHA512)));
    }

    @Test
    void parse_metadataInSnapshotDirectory_versionLevel() {
        assertThat(MavenPathParser.parse("org/example/lib/1.0-SNAPSHOT/maven-metadata.xml.md5"))
                .isEqualTo(new MetadataFile("org.example", "lib", Optional.of("1.0-SNAPSHOT"),
                        Optional.of(ChecksumAlgorithm.MD5)));
    }

    @Test
    void parse_segmentsDecodedByTheCaller_sameAsThePath() {
        assertThat(MavenPathParser.parse(List.of("org", "example", "lib", "1.0", "lib-1.0.jar")))
                .isEqualTo(MavenPathParser.parse("org/example/lib/1.0/lib-1.0.jar"));
    }

    @Test
    void parse_invalidPaths_sayWhy() {
        assertThatThrownBy(() -> MavenPathParser.parse("")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> MavenPathParser.parse("org/example/lib/1.0/"))
                .isInstanceOf(InvalidMavenPathException.class).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> MavenPathParser.parse("org/../lib/1.0/lib-1.0.jar"))
                .hasMessageContaining("starts with '.'");
        assertThatThrownBy(() -> MavenPathParser.parse("lib/1.0/lib-1.0.jar"))
                .hasMessageContaining("<group path>/<artifactId>/<version>/<file name>");
        assertThatThrownBy(() -> MavenPathParser.parse("org/example/lib/1.0/other-1.0.jar"))
                .hasMessageContaining("does not start with 'lib-'");
        assertThatThrownBy(() -> MavenPathParser.parse("org/example/lib/1.0/lib-1.1.jar"))
                .hasMessageContaining("does not name version 1.0");
        assertThatThrownBy(() -> MavenPathParser.parse("org/example/lib/1.0/lib-1.0"))
                .hasMessageContaining("no extension");
        assertThatThrownBy(() -> MavenPathParser.parse("org/example/lib/1.0/lib-1.0-.jar"))
                .hasMessageContaining("no extension");
        assertThatThrownBy(() -> MavenPathParser.parse("org/example/lib/1.0-SNAPSHOT/lib-1.0-20261306.101500-1.jar"))
                .hasMessageContaining("timestamped build");
        assertThatThrownBy(() -> MavenPathParser.parse("org/exa mple/lib/1.0/lib-1.0.jar"))
                .hasMessageContaining("'exa mple'");
        assertThatThrownBy(() -> MavenPathParser.parse("org/ex.ample/lib/1.0/lib-1.0.jar"))
                .hasMessageContaining("group directory");
        assertThatThrownBy(() -> MavenPathParser.parse("maven-metadata.xml"))
                .hasMessageContaining("maven-metadata.xml is served at");
        assertThatThrownBy(() -> MavenPathParser.parse(List.of("org", "lib", "1.0", "lib-1.0.jar\u0000")))
                .hasMessageContaining("\\u0000");
    }

    @Test
    void parse_overlongNames_refused() {
        String longName = "a".repeat(256);
        assertThatThrownBy(() -> MavenPathParser.parse("org/" + longName + "/1/" + longName + "-1.jar"))
                .hasMessageContaining("longer than 255");
    }
}
