package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.endpoints.packages.pypi.DistributionFilename.Filetype;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionFilenameTest {

    @Test
    void check_matchingWheelsAndSdists_accepted() {
        assertThat(DistributionFilename.check("tiny_pkg-1.0-py3-none-any.whl", "bdist_wheel", "Tiny.Pkg", "1.0")
                .filetype()).isEqualTo(Filetype.BDIST_WHEEL);
        assertThat(DistributionFilename.check("tiny_pkg-1.0-1build-cp311-cp311-manylinux_2_17_x86_64.whl",
                "bdist_wheel", "tiny-pkg", "1.0").filetype()).isEqualTo(Filetype.BDIST_WHEEL);
        assertThat(DistributionFilename.check("tiny_pkg-1.0a1-py2.py3-none-any.whl", "bdist_wheel", "tiny-pkg",
                "1.0-alpha1").filetype()).isEqualTo(Filetype.BDIST_WHEEL);
        assertThat(DistributionFilename.check("tiny_pkg-1.0.tar.gz", "sdist", "tiny-pkg", "1.0").filetype())
                .isEqualTo(Filetype.SDIST);
        assertThat(DistributionFilename.check("Tiny-Pkg-1.0.tar.gz", "sdist", "tiny_pkg", "1.0").filetype())
                .isEqualTo(Filetype.SDIST);
        assertThat(DistributionFilename.check("tiny-pkg-2-1.0.post1.zip", "sdist", "tiny-pkg-2", "1.0-1")
                .filetype()).isEqualTo(Filetype.SDIST);
    }

    @Test
    void check_mismatches_400NamingTheProblem() {
        assertRefused("other-1.0-py3-none-any.whl", "bdist_wheel", "tiny", "1.0", "for project 'other'");
        assertRefused("tiny-1.1-py3-none-any.whl", "bdist_wheel", "tiny", "1.0", "has version '1.1'");
        assertRefused("tiny-1.0-any.whl", "bdist_wheel", "tiny", "1.0", "Invalid wheel file name");
        assertRefused("tiny-1.0-x-py3-none-any.whl", "bdist_wheel", "tiny", "1.0", "build tag 'x'");
        assertRefused("tiny-1.0-py3-none-any.whl", "sdist", "tiny", "1.0", "is a wheel");
        assertRefused("tiny-1.0.tar.gz", "bdist_wheel", "tiny", "1.0", "is a source distribution");
        assertRefused("tiny-1.0.tar.gz", "bdist_egg", "tiny", "1.0", "Unsupported filetype 'bdist_egg'");
        assertRefused("tiny-1.0.egg", "sdist", "tiny", "1.0", "Invalid file extension");
        assertRefused("tiny-1.0.tar.bz2", "sdist", "tiny", "1.0", "Invalid file extension");
        assertRefused("other-1.0.tar.gz", "sdist", "tiny", "1.0", "Start filename for project 'tiny' with 'tiny-'");
        assertRefused("tiny-1.1.tar.gz", "sdist", "tiny", "1.0", "has version '1.1'");
        assertRefused("../tiny-1.0.tar.gz", "sdist", "tiny", "1.0", "Invalid distribution file name");
        assertRefused("tiny 1.0.tar.gz", "sdist", "tiny", "1.0", "Invalid distribution file name");
        assertRefused(".tar.gz", "sdist", "tiny", "1.0", "Invalid distribution file name");
    }

    private static void assertRefused(String filename, String filetype, String name, String version, String why) {
        assertThatThrownBy(() -> DistributionFilename.check(filename, filetype, name, version)).as(filename)
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.httpStatus()).isEqualTo(400))
                .hasMessageContaining(why);
    }
}
