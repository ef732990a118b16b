package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliIo;

import java.net.URI;

/** One login: the parsed options, what the service answered, and the command line's streams and environment. */
record LoginContext(LoginArguments args, RepositoryAccess access, CliIo io) {

    String token() {
        return access.token();
    }

    String endpoint() {
        return access.endpoint();
    }

    URI endpointUri() {
        return URI.create(access.endpoint());
    }

    /** Prints aws's two success lines for {@code tool}. */
    void success(String tool) {
        io.out().print(LoginMessages.success(tool, access, io.env()));
        io.out().flush();
    }
}
