package io.gatepass.cli;

import io.gatepass.cli.aws.AwsCommandLine;
import io.gatepass.cli.aws.CliIo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gatepass} command. {@code serve} and {@code agent} are picocli commands; everything else is the
 * AWS-CLI-compatible {@code gatepass <service> <operation>} command line, which loads none of the server's classes.
 */
@Command(name = "gatepass", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Self-hosted short-lived credentials, wire-compatible with AWS GameLift and CodeArtifact.",
        subcommands = {ServeCommand.class, io.gatepass.cli.agent.AgentCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("serve") || args[0].equals("agent"))) {
            System.exit(new CommandLine(new Main()).execute(args));
        }
        System.exit(AwsCommandLine.run(args, CliIo.system()));
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
