package io.gatepass.cli.aws;

/**
 * {@code gatepass <service> <operation> [options]}: the AWS-CLI-compatible command line. Parses the global options
 * (anywhere on the line, as aws does), finds the operation in the service model, builds the SDK request, calls it,
 * and renders the response.
 */
public final class AwsCommandLine {

    private AwsCommandLine() {
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(String[] args, CliIo io) {
        io.err().println("gatepass: the AWS-style command line is not built yet");
        return CliException.OTHER;
    }
}
