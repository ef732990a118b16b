package io.gatepass.server.internal.http;

import io.gatepass.server.internal.protocol.WireRequest;

/** Checks a request's signature and returns its signer, or throws the AWS authentication error. */
public interface RequestAuthenticator {
    Authenticated authenticate(WireRequest request);
}
