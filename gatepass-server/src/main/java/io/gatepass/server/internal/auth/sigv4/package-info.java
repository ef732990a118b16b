/**
 * Server-side verification of AWS Signature Version 4, in both its forms: the {@code Authorization} header and the
 * presigned query string. Nothing here depends on an HTTP library:
 * <pre>{@code
 * SigV4Verifier<Principal> verifier = new SigV4Verifier<>(
 *         ScopePolicy.awsCompatible(region, List.of("sts", "iam", "gamelift", "codeartifact")),
 *         (accessKeyId, sessionToken) -> {
 *             CredentialResolver.Resolved r = resolver.resolve(accessKeyId, sessionToken);
 *             return new SigningSecret<>(r.secret(), r.principal());
 *         },
 *         clock);
 * // per request, with Vert.x for example (path() and query() are the raw, still-encoded wire forms):
 * VerifiedRequest<Principal> verified = verifier.verify(SignedRequest.of(request.method().name(), request.path(),
 *         request.query(), request.headers()::getAll, body));
 * }</pre>
 * Failures are {@link io.gatepass.core.error.ServiceException}s with the query protocol's codes
 * ({@code MissingAuthenticationToken}, {@code IncompleteSignature}, {@code SignatureDoesNotMatch},
 * {@code RequestExpired}, {@code MalformedQueryString}, plus whatever the secrets lookup throws); the JSON protocols'
 * codecs rename them with {@link io.gatepass.server.internal.api.CommonErrors#forJson}.
 *
 * <p>Canonicalization follows the AWS SDKs for every service except S3: the wire path is normalized (dot segments
 * and redundant slashes removed, exactly as the AWS SDK for Java does with {@link java.net.URI#normalize()}) and
 * percent-encoded a second time; query parameters are decoded and re-encoded with the SigV4 rules ({@code '+'} read
 * as a space); header values are trimmed and their inner runs of white space collapsed; the payload is always signed
 * by its SHA-256. Only the public types of this package are API; the rest is package-private.
 */
package io.gatepass.server.internal.auth.sigv4;
