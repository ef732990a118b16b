package io.gatepass.cli.internal.aws.model;

import java.util.List;

/**
 * How aws pages an operation (botocore's paginator): the request member that takes the token, the response member
 * that returns it, the request member that limits a page, and the response lists that are merged across pages.
 */
public record Pagination(String inputToken, String outputToken, String limitKey, List<String> resultKeys) {
}
