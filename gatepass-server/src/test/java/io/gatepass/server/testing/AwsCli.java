package io.gatepass.server.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS CLI v2 (Debian's {@code /usr/bin/aws}) run against a test server as its administrator, with its own config
 * and credentials files in a work directory (so nothing of the machine's AWS setup is read) and JSON output.
 */
public final class AwsCli {
    public static final Path V2 = Path.of("/usr/bin/aws");

    private AwsCli() {
    }

    /** Runs {@code aws --endpoint-url <endpoint> --output json <service> <arguments...>}, waiting up to 2 minutes. */
    public static ToolRun run(Path work, URI endpoint, String service, String... arguments) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", TestServer.admin().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", TestServer.admin().secretAccessKey());
        env.put("AWS_DEFAULT_REGION", TestServer.REGION);
        env.put("AWS_CONFIG_FILE", work.resolve("aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-credentials").toString());
        List<String> command = new ArrayList<>(List.of(V2.toString(), "--endpoint-url", endpoint.toString(),
                "--output", "json", service));
        command.addAll(List.of(arguments));
        return ToolRun.run(work, env, 120, command);
    }
}
