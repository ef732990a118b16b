package io.gatepass.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gatepass} command. */
@Command(name = "gatepass", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Self-hosted short-lived credentials, wire-compatible with AWS GameLift and CodeArtifact.",
        subcommands = {ServeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gatepass " + (version == null ? "dev" : version)};
        }
    }
}
