package io.gatepass.cli;

import io.gatepass.cli.internal.aws.AwsCommandLine;
import io.gatepass.cli.internal.aws.CliIo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs several command lines (one per stdin line, arguments separated by spaces) in one JVM, output discarded, so the
 * launcher can record a class-data-sharing archive that covers the common paths: each output format, --query, and
 * the SDK clients of the services. Not a user command.
 */
public final class ArchiveTraining {

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        Main.quietSdkLogging();
        Main.preferSunJce();
        CliIo system = CliIo.system();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CliIo io = new CliIo(system.in(), discard, discard, system.env(), system.home(), false, false);
        BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                AwsCommandLine.run(line.trim().split(" +"), io);
            }
        }
    }
}
