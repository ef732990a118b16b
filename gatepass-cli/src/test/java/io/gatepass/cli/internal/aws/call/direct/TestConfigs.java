package io.gatepass.cli.internal.aws.call.direct;

import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.config.GlobalOptions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The command line's configuration for tests of calls to a local endpoint: example credentials, region eu-west-1. */
final class TestConfigs {
    private TestConfigs() {
    }

    /**
     * The configuration of a call to {@code endpoint} with a home directory of its own, the example credentials and
     * {@code extra} environment variables (which win), signed unless {@code noSignRequest}.
     */
    static CliConfig config(Path home, String endpoint, Map<String, String> extra, boolean noSignRequest) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.putAll(extra);
        CliIo io = new CliIo(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.copyOf(env), home,
                false, false);
        GlobalOptions options = new GlobalOptions(false, endpoint, false, false, null, null, null, null, null,
                noSignRequest, null, null, null, null, true, null, null, null, null);
        return CliConfig.resolve(options, io);
    }
}
