package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.Snapshot;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.SnapshotFile;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.Versions;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadataGenerator.StoredVersion;
import io.gatepass.server.internal.endpoints.packages.maven.MavenPath.ArtifactFile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random stores: the generated metadata lists exactly what is complete, in Maven's order; every message names
 * the seed.
 */
class MavenMetadataGeneratorPropertyTest {
    private static final long SEED = 20261206L;
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private final Random random = new Random(SEED);

    @Test
    void versions_randomStores_listedVersionsInMavenOrderWithLatestAndRelease() {
        for (int i = 0; i < 300; i++) {
            List<StoredVersion> stored = new ArrayList<>();
            Set<String> listed = new LinkedHashSet<>();
            Instant newest = Instant.EPOCH;
            for (String version : MavenVersionTest.realisticVersions(random, random.nextInt(12))) {
                boolean isListed = random.nextInt(4) > 0;
                Instant updated = BASE.plusSeconds(random.nextInt(10_000_000));
                stored.add(new StoredVersion(version, isListed, updated));
                if (isListed) {
                    listed.add(version);
                    newest = updated.isAfter(newest) ? updated : newest;
                }
            }
            Collections.shuffle(stored, random);

            Optional<Versions> metadata = MavenMetadataGenerator.versions("g", "a", stored);

            if (listed.isEmpty()) {
                assertThat(metadata).as("seed %d case %d", SEED, i).isEmpty();
                continue;
            }
            List<String> versions = metadata.orElseThrow().versions();
            assertThat(versions).as("seed %d case %d", SEED, i).containsExactlyInAnyOrderElementsOf(listed);
            for (int v = 0; v + 1 < versions.size(); v++) {
                assertThat(MavenVersion.ORDER.compare(versions.get(v), versions.get(v + 1)))
                        .as("seed %d case %d: %s", SEED, i, versions).isLessThanOrEqualTo(0);
            }
            String latest = metadata.get().latest().orElseThrow();
            for (String version : listed) {
                assertThat(MavenVersion.ORDER.compare(version, latest)).as("seed %d case %d latest", SEED, i)
                        .isLessThanOrEqualTo(0);
                if (!MavenVersion.isSnapshot(version)) {
                    assertThat(MavenVersion.ORDER.compare(version, metadata.get().release().orElseThrow()))
                            .as("seed %d case %d release", SEED, i).isLessThanOrEqualTo(0);
                }
            }
            assertThat(metadata.get().release().isPresent())
                    .isEqualTo(listed.stream().anyMatch(v -> !MavenVersion.isSnapshot(v)));
            assertThat(metadata.get().lastUpdated()).isEqualTo(newest);
            assertThat(MavenMetadataXml.read(MavenMetadataXml.write(metadata.get())).versions())
                    .as("seed %d case %d: the XML lists the same versions", SEED, i).isEqualTo(versions);
        }
    }

    /**
     * Builds 1..n of a snapshot, each with a random subset of files, some builds not yet complete: each
     * classifier/extension points at the newest complete build that has it, and the build is the newest complete one.
     */
    @Test
    void snapshot_randomBuilds_newestCompleteFilePerClassifierAndExtension() {
        List<String[]> kinds = List.of(new String[] {"", "pom"}, new String[] {"", "jar"},
                new String[] {"sources", "jar"}, new String[] {"javadoc", "jar"}, new String[] {"", "module"},
                new String[] {"", "jar.asc"}, new String[] {"linux", "tar.gz"});
        for (int i = 0; i < 300; i++) {
            int builds = random.nextInt(6);
            int completed = builds == 0 ? 0 : random.nextInt(builds + 1);
            List<String> names = new ArrayList<>();
            Map<String, String> expected = new HashMap<>();
            Instant time = BASE.plusSeconds(random.nextInt(1_000_000));
            SnapshotBuild newestComplete = null;
            for (int b = 1; b <= builds; b++) {
                time = time.plusSeconds(1 + random.nextInt(100_000));
                SnapshotBuild build = SnapshotBuild.at(time, b);
                for (String[] kind : kinds) {
                    if (kind[1].equals("pom") || random.nextBoolean()) {
                        names.add(ArtifactFile.fileName("lib", "2.0-SNAPSHOT", Optional.of(build), kind[0], kind[1]));
                        if (b <= completed) {
                            expected.put(kind[0] + ":" + kind[1], build.version("2.0-SNAPSHOT"));
                        }
                    }
                }
                if (b <= completed) {
                    newestComplete = build;
                }
            }
            names.add("lib-2.0-SNAPSHOT.jar.sha1");
            names.add("not-this-artifact-2.0-SNAPSHOT.jar");
            Collections.shuffle(names, random);

            Optional<Snapshot> metadata = MavenMetadataGenerator.snapshot("g", "lib", "2.0-SNAPSHOT", names,
                    completed, BASE);

            if (completed == 0) {
                assertThat(metadata).as("seed %d case %d", SEED, i).isEmpty();
                continue;
            }
            Map<String, String> actual = new HashMap<>();
            for (SnapshotFile file : metadata.orElseThrow().files()) {
                actual.put(file.classifier() + ":" + file.extension(), file.value());
                SnapshotBuild build = SnapshotBuild.parse(file.value().substring(4)).orElseThrow();
                assertThat(file.updated()).isEqualTo(build.time());
            }
            assertThat(actual).as("seed %d case %d: %s", SEED, i, names).isEqualTo(expected);
            assertThat(metadata.get().build()).as("seed %d case %d", SEED, i).contains(newestComplete);
            assertThat(metadata.get().lastUpdated()).isEqualTo(newestComplete.time());
            assertThat(MavenMetadataXml.read(MavenMetadataXml.write(metadata.get())).snapshot())
                    .contains(newestComplete);
            assertThat(MavenMetadataXml.write(metadata.get())).as("seed %d case %d: same bytes every time", SEED, i)
                    .isEqualTo(MavenMetadataXml.write(MavenMetadataGenerator.snapshot("g", "lib", "2.0-SNAPSHOT",
                            reversed(names), completed, BASE).orElseThrow()));
        }
    }

    private static List<String> reversed(List<String> names) {
        List<String> out = new ArrayList<>(names);
        Collections.reverse(out);
        return out;
    }

    @Test
    void snapshot_onlyNonTimestampedFiles_listedWithTheVersionItself() {
        Snapshot snapshot = MavenMetadataGenerator.snapshot("g", "lib", "1-SNAPSHOT",
                List.of("lib-1-SNAPSHOT.pom", "lib-1-SNAPSHOT.jar"), 0, BASE).orElseThrow();

        assertThat(snapshot.build()).isEmpty();
        assertThat(snapshot.files()).extracting(SnapshotFile::value).containsExactly("1-SNAPSHOT", "1-SNAPSHOT");
        assertThat(snapshot.lastUpdated()).isEqualTo(BASE);
    }
}
