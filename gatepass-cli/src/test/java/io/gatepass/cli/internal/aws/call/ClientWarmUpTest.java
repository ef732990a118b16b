package io.gatepass.cli.internal.aws.call;

import io.gatepass.cli.internal.aws.model.AwsService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The warm-up's dry run goes through the SDK's request pipeline but never reaches the endpoint it is given. */
class ClientWarmUpTest {

    @Test
    void dryRunOfJsonOperationsCompletesWithoutConnecting() throws IOException {
        try (ServerSocket endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("http://127.0.0.1:" + endpoint.getLocalPort());
            assertThatCode(() -> {
                ClientWarmUp.dryRun(AwsService.CODEARTIFACT, "get-authorization-token", uri);
                ClientWarmUp.dryRun(AwsService.CODEARTIFACT, "describe-domain", uri); // a required member unset
                ClientWarmUp.dryRun(AwsService.GAMELIFT, "list-fleets", uri);
            }).doesNotThrowAnyException();
            assertNothingConnected(endpoint);
        }
    }

    @Test
    void dryRunOfUnknownOrStreamingOperationsDoesNothing() throws IOException {
        try (ServerSocket endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("http://127.0.0.1:" + endpoint.getLocalPort());
            assertThatCode(() -> {
                ClientWarmUp.dryRun(AwsService.CODEARTIFACT, "login", uri);
                ClientWarmUp.dryRun(AwsService.CODEARTIFACT, "get-package-version-asset", uri);
            }).doesNotThrowAnyException();
            assertNothingConnected(endpoint);
        }
    }

    /** A connection made during the (synchronous) dry run would already wait in the listen backlog. */
    private static void assertNothingConnected(ServerSocket endpoint) throws IOException {
        endpoint.setSoTimeout(1);
        assertThatThrownBy(endpoint::accept).isInstanceOf(SocketTimeoutException.class);
    }
}
