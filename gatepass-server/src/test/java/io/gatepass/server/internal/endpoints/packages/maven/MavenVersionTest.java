package io.gatepass.server.internal.endpoints.packages.maven;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Maven's version ordering: known sequences, and seeded random versions against Maven's own comparator. */
class MavenVersionTest {
    private static final long SEED = 20261206L;
    /** Each list is in strictly increasing order. */
    private static final List<String> QUALIFIER_ORDER = List.of("1-alpha2snapshot", "1-alpha2", "1-alpha-123",
            "1-beta-2", "1-beta123", "1-m2", "1-m11", "1-rc", "1-cr2", "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2",
            "1-sp123", "1-abc", "1-def", "1-pom-1", "1-1-snapshot", "1-1", "1-2", "1-123");
    private static final List<String> NUMBER_ORDER = List.of("2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0",
            "2.1-a", "2.1b", "2.1-c", "2.1-1", "2.1.0.1", "2.2", "2.123", "11.a2", "11.a11", "11.b2", "11.b11",
            "11.m2", "11.m11", "11", "11.a", "11b", "11c", "11m");

    @Test
    void compareTo_knownSequences_strictlyIncreasing() {
        for (List<String> order : List.of(QUALIFIER_ORDER, NUMBER_ORDER)) {
            for (int i = 0; i < order.size(); i++) {
                for (int j = 0; j < order.size(); j++) {
                    int expected = Integer.compare(i, j);
                    int actual = MavenVersion.parse(order.get(i)).compareTo(MavenVersion.parse(order.get(j)));
                    assertThat(Integer.signum(actual)).as("%s vs %s", order.get(i), order.get(j)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void equals_whenOnlyTrailingZerosCaseOrReleaseAliasesDiffer_equal() {
        List<String> same = List.of("1", "1.0", "1.0.0", "1-0", "1.0-0", "1-ga", "1-GA", "1.final", "1-release",
                "1.0.0-");
        for (String a : same) {
            for (String b : same) {
                assertThat(MavenVersion.parse(a)).as("%s = %s", a, b).isEqualTo(MavenVersion.parse(b));
                assertThat(MavenVersion.parse(a).hashCode()).isEqualTo(MavenVersion.parse(b).hashCode());
            }
        }
        assertThat(MavenVersion.parse("1.0-cr1")).isEqualTo(MavenVersion.parse("1.0-rc1"));
        assertThat(MavenVersion.parse("1.0a1")).isEqualTo(MavenVersion.parse("1.0-alpha-1"));
    }

    @Test
    void compareTo_hugeNumbers_comparedAsNumbers() {
        assertThat(MavenVersion.ORDER.compare("1.99999999999999999999999", "1.100000000000000000000000")).isNegative();
        assertThat(MavenVersion.ORDER.compare("1.0000000000000000000002", "1.2")).isZero();
        assertThat(MavenVersion.ORDER.compare("2147483648", "2147483647")).isPositive();
    }

    @Test
    void isSnapshot_onlyForDashSnapshotSuffix() {
        assertThat(MavenVersion.isSnapshot("1.0-SNAPSHOT")).isTrue();
        assertThat(MavenVersion.isSnapshot("1.0")).isFalse();
        assertThat(MavenVersion.isSnapshot("-SNAPSHOT")).isFalse();
        assertThat(MavenVersion.snapshotBase("1.0-SNAPSHOT")).isEqualTo("1.0");
        assertThat(MavenVersion.snapshotBase("1.0")).isEqualTo("1.0");
    }

    @Test
    void sorted_randomVersions_neverFailsAndKeepsEveryVersion() {
        Random random = new Random(SEED);
        for (int round = 0; round < 50; round++) {
            List<String> versions = randomVersions(random, 200);
            List<String> sorted = MavenVersion.sorted(versions);
            assertThat(sorted).as("seed %d round %d", SEED, round).containsExactlyInAnyOrderElementsOf(versions);
            for (int i = 0; i + 1 < sorted.size(); i++) {
                assertThat(MavenVersion.ORDER.compare(sorted.get(i), sorted.get(i + 1)))
                        .as("seed %d: %s then %s", SEED, sorted.get(i), sorted.get(i + 1)).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void compare_realisticVersions_totalOrderConsistentWithEquals() {
        Random random = new Random(SEED);
        List<String> versions = realisticVersions(random, 300);
        List<String> sorted = new ArrayList<>(versions);
        sorted.sort(MavenVersion.ORDER); // TimSort checks the contract on such input
        assertThat(MavenVersion.sorted(versions)).as("seed %d", SEED).isEqualTo(sorted);
        for (int i = 0; i < 20_000; i++) {
            String a = versions.get(random.nextInt(versions.size()));
            String b = versions.get(random.nextInt(versions.size()));
            String c = versions.get(random.nextInt(versions.size()));
            int ab = MavenVersion.ORDER.compare(a, b);
            assertThat(Integer.signum(MavenVersion.ORDER.compare(b, a))).as("seed %d antisymmetry %s %s", SEED, a, b)
                    .isEqualTo(-Integer.signum(ab));
            if (ab <= 0 && MavenVersion.ORDER.compare(b, c) <= 0) {
                assertThat(MavenVersion.ORDER.compare(a, c)).as("seed %d transitivity %s %s %s", SEED, a, b, c)
                        .isLessThanOrEqualTo(0);
            }
            assertThat(ab == 0).as("seed %d equality %s %s", SEED, a, b)
                    .isEqualTo(MavenVersion.parse(a).equals(MavenVersion.parse(b)));
            if (ab == 0) {
                assertThat(MavenVersion.parse(a).hashCode()).isEqualTo(MavenVersion.parse(b).hashCode());
            }
        }
    }

    /**
     * Maven's own {@code ComparableVersion} (maven-artifact 3.9.6, present in the local Maven repository because the
     * build's plugins use it) is the reference; it is loaded from the file, not declared as a dependency.
     */
    @Test
    void compareTo_randomVersions_agreesWithMavenItself() throws Exception {
        Path jar = Path.of(System.getProperty("user.home"),
                ".m2/repository/org/apache/maven/maven-artifact/3.9.6/maven-artifact-3.9.6.jar");
        assumeTrue(Files.isRegularFile(jar), "maven-artifact 3.9.6 is not in the local repository");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Constructor<?> maven = loader.loadClass("org.apache.maven.artifact.versioning.ComparableVersion")
                    .getConstructor(String.class);
            Random random = new Random(SEED);
            List<String> versions = randomVersions(random, 3_000);
            List<Object> theirs = new ArrayList<>();
            for (String version : versions) {
                theirs.add(maven.newInstance(version));
            }
            for (int i = 0; i < 30_000; i++) {
                int a = random.nextInt(versions.size());
                int b = random.nextInt(versions.size());
                @SuppressWarnings("unchecked")
                int expected = Integer.signum(((Comparable<Object>) theirs.get(a)).compareTo(theirs.get(b)));
                int actual = Integer.signum(MavenVersion.ORDER.compare(versions.get(a), versions.get(b)));
                assertThat(actual).as("seed %d: %s vs %s", SEED, versions.get(a), versions.get(b)).isEqualTo(expected);
            }
        }
    }

    /** Versions as projects write them: numbers, and now and then a qualifier. */
    static List<String> realisticVersions(Random random, int count) {
        List<String> qualifiers = List.of("", "", "", "-SNAPSHOT", "-alpha-1", "-beta2", "-M3", "-RC1", "-rc.2", "-ga",
                ".Final", "-sp1", "-jre", "-android");
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder version = new StringBuilder().append(random.nextInt(12));
            for (int part = random.nextInt(4); part > 0; part--) {
                version.append('.').append(random.nextInt(random.nextBoolean() ? 3 : 30));
            }
            versions.add(version.append(qualifiers.get(random.nextInt(qualifiers.size()))).toString());
        }
        return versions;
    }

    static List<String> randomVersions(Random random, int count) {
        List<String> pieces = List.of("0", "00", "1", "2", "10", "007", "123456789012", "99999999999999999999",
                "alpha", "a", "beta", "b", "m", "milestone", "rc", "cr", "snapshot", "SNAPSHOT", "ga", "final",
                "release", "sp", "foo", "x", "pom", "");
        List<String> separators = List.of(".", "-", "", ".", "-");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder version = new StringBuilder(pieces.get(1 + random.nextInt(5)));
            int parts = random.nextInt(5);
            for (int p = 0; p < parts; p++) {
                version.append(separators.get(random.nextInt(separators.size())));
                version.append(pieces.get(random.nextInt(pieces.size())));
            }
            out.add(version.toString());
        }
        Collections.shuffle(out, random);
        return out;
    }
}
