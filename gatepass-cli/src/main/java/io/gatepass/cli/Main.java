package io.gatepass.cli;

import io.gatepass.cli.internal.aws.AwsCommandLine;
import io.gatepass.cli.internal.aws.CliIo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.security.Security;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gatepass} command. {@code serve}, {@code agent} and {@code audit} are picocli commands; everything else
 * is the AWS-CLI-compatible {@code gatepass <service> <operation>} command line, which loads none of the server's classes.
 */
@Command(name = "gatepass", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Self-hosted short-lived credentials, wire-compatible with AWS GameLift and CodeArtifact.")
public final class Main implements Runnable {
    /** The commands picocli runs; everything else is the AWS-CLI-compatible command line. */
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("serve", "agent", "store", "audit",
            "keys");

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            useLogProvider();
            if (args[0].equals("store") || args[0].equals("audit") || args[0].equals("keys")) {
                LogSetup.quiet(); // serve and agent set up their own logging from their options
            }
            System.exit(Commands.commandLine(args[0]).execute(args));
        }
        quietSdkLogging();
        preferSunJce();
        System.exit(AwsCommandLine.run(args, CliIo.system()));
    }

    /**
     * The picocli commands log through {@link LogProvider}: logback set up as they want it without its own start-up's
     * class path scans. A provider or a logback configuration file given as a system property is left to do its work.
     * SLF4J says on standard error that it loads a provider so named unless told to report only warnings and errors.
     */
    static void useLogProvider() {
        if (System.getProperty("slf4j.provider") == null && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("slf4j.provider", LogProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    /**
     * The command line prints only what aws prints; the SDK's SLF4J logging goes nowhere (--debug has its own trace),
     * which also spares a short-lived process the start-up of a logging backend.
     */
    static void quietSdkLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
    }

    /**
     * SigV4 signing asks for HmacSHA256, which only SunJCE offers, fifth in the JDK's provider list: finding it first
     * loads SunEC (through a scan of every provider module) and SunJSSE. Listing SunJCE right after SUN spares a call
     * that work and changes no algorithm's provider: SunJCE offers none of the algorithms of the providers it passes.
     * Must run before the first cryptographic lookup; the JDK reads the list once.
     */
    static void preferSunJce() {
        List<String> providers = new ArrayList<>();
        for (int i = 1; Security.getProperty("security.provider." + i) != null; i++) {
            providers.add(Security.getProperty("security.provider." + i));
        }
        int jce = providers.indexOf("SunJCE");
        if (jce > 1 && providers.get(0).equals("SUN")) {
            providers.add(1, providers.remove(jce));
            for (int i = 0; i < providers.size(); i++) {
                Security.setProperty("security.provider." + (i + 1), providers.get(i));
            }
        }
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
