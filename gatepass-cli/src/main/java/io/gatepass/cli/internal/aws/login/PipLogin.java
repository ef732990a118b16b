package io.gatepass.cli.internal.aws.login;

import java.net.URI;
import java.util.List;

/** pip: {@code pip config set global.index-url SCHEME://aws:TOKEN@HOST/PATH/simple/}, through pip itself. */
final class PipLogin extends CommandLogin {

    @Override
    List<List<String>> commands(LoginContext context) {
        URI endpoint = context.endpointUri();
        String indexUrl = endpoint.getScheme() + "://aws:" + context.token() + "@" + endpoint.getRawAuthority()
                + endpoint.getRawPath() + "simple/";
        return List.of(List.of("pip", "config", "set", "global.index-url", indexUrl));
    }
}
