package io.gatepass.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finds the AWS CLI versions on this machine, each by its full path (the PATH's `aws` may be either). */
public final class AwsClis {
    private AwsClis() {
    }

    /** AWS CLI v2 from Debian's package. */
    public static Path v2() {
        return Path.of("/usr/bin/aws");
    }

    /** AWS CLI v1, installed in the machine's Python 3 next to its interpreter. */
    public static Path v1() {
        try {
            Process process = new ProcessBuilder("python3", "-c",
                    "import os, sysconfig; print(os.path.join(sysconfig.get_path('scripts'), 'aws'))")
                    .redirectErrorStream(true).start();
            process.waitFor(30, TimeUnit.SECONDS);
            return Path.of(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Path.of("/nonexistent/aws");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Path.of("/nonexistent/aws");
        }
    }

    /** Skips (or, on CI, fails) unless {@code aws} exists and reports the expected major version. */
    public static void assumeOrFail(Path aws, String expectedVersionPrefix) throws Exception {
        String version = Files.isExecutable(aws) ? version(aws) : "missing";
        boolean usable = version.startsWith(expectedVersionPrefix);
        String message = "AWS CLI " + expectedVersionPrefix + " at " + aws + ": " + version;
        if (!usable && "true".equals(System.getenv("CI"))) {
            fail(message + " (CI must have it: .ci/run installs Debian's awscli; v1 comes with the machine's Python)");
        }
        assumeTrue(usable, message);
    }

    private static String version(Path aws) throws Exception {
        Process process = new ProcessBuilder(List.of(aws.toString(), "--version")).redirectErrorStream(true).start();
        process.waitFor(60, TimeUnit.SECONDS);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
