package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageDependency;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PackageVersionMetadataTest {

    @Test
    void requiresDist_whenWrittenInAnyLegalSpacing_yieldsTheNameSpecifiersAndMarker() {
        Random random = new Random(20261206);
        String[] names = {"requests", "PySocks", "zope.interface", "a_b-c", "x"};
        String[] specs = {"", ">=2", "!=1.5.7,>=1.5.6", "==1.*", "~=3.1"};
        String[] markers = {null, "extra == \"socks\"", "python_version < \"3.9\""};
        for (int i = 0; i < 500; i++) {
            String name = names[random.nextInt(names.length)];
            String spec = specs[random.nextInt(specs.length)];
            String marker = markers[random.nextInt(markers.length)];
            boolean parens = !spec.isEmpty() && random.nextBoolean();
            String value = name + space(random) + (random.nextBoolean() ? "[extra1,extra2]" : "") + space(random)
                    + (parens ? "(" + spec + ")" : spec) + (marker == null ? "" : space(random) + ";"
                    + space(random) + marker) + space(random);

            PackageDependency dependency = PackageVersionMetadata.requiresDist(value);

            String expected = marker == null ? spec : (spec + "; " + marker).trim();
            assertThat(dependency).as(value).isNotNull();
            assertThat(dependency.packageName()).as(value).isEqualTo(name);
            assertThat(dependency.dependencyType()).isEqualTo("Requires-Dist");
            assertThat(dependency.versionRequirement()).as(value).isEqualTo(expected.isEmpty() ? null : expected);
        }
    }

    @Test
    void details_whenTheMetadataIsMissingOrNotJson_areEmptyRatherThanAnError() {
        for (String metadata : new String[] {null, "", "not json", "[1,2]", "{\"license\":{\"x\":1}}"}) {
            PackageVersionMetadata.Details details = PackageVersionMetadata.details("npm", metadata);
            assertThat(details.summary()).isNull();
            assertThat(PackageVersionMetadata.dependencies("pypi", metadata)).isEmpty();
            assertThat(PackageVersionMetadata.readme("npm", metadata)).isNull();
        }
    }

    @Test
    void npmLicenses_inEveryHistoricalShape_areListed() {
        assertThat(PackageVersionMetadata.details("npm", "{\"license\":{\"type\":\"MIT\",\"url\":\"u\"},"
                + "\"licenses\":[{\"type\":\"BSD\"},\"ISC\"]}").licenses())
                .extracting(PackageShapes.LicenseInfo::name, PackageShapes.LicenseInfo::url)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MIT", "u"),
                        org.assertj.core.groups.Tuple.tuple("BSD", null),
                        org.assertj.core.groups.Tuple.tuple("ISC", null));
    }

    @Test
    void pom_withADoctypeOrBrokenXml_hasNoDependencies() {
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<project><dependencies><dependency><artifactId>&e;</artifactId></dependency></dependencies>"
                + "</project>";
        assertThat(PomDependencies.of(entity.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(PomDependencies.of("<project><dependencies>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(PomDependencies.of(("<project><dependencies><dependency><groupId>g</groupId><artifactId>a"
                + "</artifactId><optional>true</optional></dependency></dependencies></project>")
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(List.of(new PackageDependency("g", "a", "optional", null)));
    }

    private static String space(Random random) {
        return random.nextBoolean() ? "" : " ";
    }
}
