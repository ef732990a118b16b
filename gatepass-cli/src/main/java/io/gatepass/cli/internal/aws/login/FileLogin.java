package io.gatepass.cli.internal.aws.login;

import java.nio.file.Path;

/** The end of a login that writes one file: write it and say so, or with --dry-run show it, as aws does for twine. */
final class FileLogin {

    private FileLogin() {
    }

    /** @param label how the dry run names the file: "pypirc" (aws's word), "settings.xml", "gradle.properties" */
    static void writeOrShow(LoginContext context, Path file, String content, String tool, String label) {
        if (context.args().dryRun()) {
            context.io().out().print("Dryrun mode is enabled, not writing to " + label + ".\n" + file
                    + " would have been set to the following:\n\n" + content + "\n");
            context.io().out().flush();
            return;
        }
        SecretFiles.write(file, content);
        context.success(tool);
    }
}
