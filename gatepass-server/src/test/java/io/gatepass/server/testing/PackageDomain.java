package io.gatepass.server.testing;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.iam.IamClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CodeArtifact domain of a {@link TestServer}, driven by its administrator: its repositories (among them the chain
 * the upstream tests read through), their endpoints, authorization tokens, and package requests that carry a token
 * as npm, pip and Maven send it ({@code Authorization: Bearer}).
 */
public final class PackageDomain implements AutoCloseable {
    private final TestServer server;
    private final String name;
    private static final AtomicInteger USERS = new AtomicInteger();
    private final CodeartifactClient admin;
    private final IamClient iam;
    private final HttpClient http = PlainHttp.client();

    private PackageDomain(TestServer server, String name) {
        this.server = server;
        this.name = name;
        this.admin = server.codeArtifact(TestServer.admin());
        this.iam = server.iam(TestServer.admin());
    }

    /** Creates domain {@code name} on {@code server}, as its administrator. */
    public static PackageDomain create(TestServer server, String name) {
        PackageDomain domain = new PackageDomain(server, name);
        domain.admin.createDomain(r -> r.domain(name));
        return domain;
    }

    public String name() {
        return name;
    }

    /** The administrator's CodeArtifact client (closed with this). */
    public CodeartifactClient admin() {
        return admin;
    }

    /** A repository {@code repository} with no upstreams. */
    public PackageDomain withRepository(String repository) {
        admin.createRepository(r -> r.domain(name).repository(repository));
        return this;
    }

    /**
     * The chain of three repositories: {@code app} → {@code libs} → {@code store}, which has the external connection
     * {@code connection}.
     */
    public PackageDomain withChain(String store, String connection) {
        admin.createRepository(r -> r.domain(name).repository(store));
        admin.associateExternalConnection(r -> r.domain(name).repository(store).externalConnection(connection));
        admin.createRepository(r -> r.domain(name).repository("libs").upstreams(u -> u.repositoryName(store)));
        admin.createRepository(r -> r.domain(name).repository("app").upstreams(u -> u.repositoryName("libs")));
        return this;
    }

    /**
     * One repository per format holding that format's external connection ({@code npm-store} with
     * {@code public:npmjs}, {@code pypi-store} with {@code public:pypi}, {@code maven-store} with
     * {@code public:maven-central}) and the repository {@code app} with the three as its upstreams, in that order.
     */
    public PackageDomain withAppOverEveryExternalConnection() {
        for (String[] store : new String[][]{{"npm-store", "public:npmjs"}, {"pypi-store", "public:pypi"},
                {"maven-store", "public:maven-central"}}) {
            admin.createRepository(r -> r.domain(name).repository(store[0]));
            admin.associateExternalConnection(r -> r.domain(name).repository(store[0])
                    .externalConnection(store[1]));
        }
        admin.createRepository(r -> r.domain(name).repository("app").upstreams(
                u -> u.repositoryName("npm-store"), u -> u.repositoryName("pypi-store"),
                u -> u.repositoryName("maven-store")));
        return this;
    }

    /** What GetRepositoryEndpoint answers for {@code repository} and {@code format} (ends with a slash). */
    public String endpoint(String repository, PackageFormat format) {
        return admin.getRepositoryEndpoint(r -> r.domain(name).repository(repository).format(format))
                .repositoryEndpoint();
    }

    /** The administrator's authorization token for this domain. */
    public String adminToken() {
        return admin.getAuthorizationToken(r -> r.domain(name).domainOwner(TestServer.ACCOUNT)).authorizationToken();
    }

    /** A new IAM user allowed what {@code statements} say (see {@link PackageUsers#create}). */
    public AwsCredentials user(String statements) {
        return PackageUsers.create(iam, "package-user-" + USERS.incrementAndGet(), statements);
    }

    /** A new user that may get a token, read every repository and publish to it. */
    public AwsCredentials publisher() {
        return user(PackageUsers.PUBLISH_AND_READ);
    }

    /** A new user that may get a token and read {@code repository} of this domain only. */
    public AwsCredentials reader(String repository) {
        return user(PackageUsers.readerOf(name, repository));
    }

    /** An authorization token of {@code credentials} for this domain, valid twelve hours. */
    public String token(AwsCredentials credentials) {
        return PackageUsers.token(server, credentials, name, 43200L);
    }

    public HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(request(url, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String url, String token) throws Exception {
        return http.send(request(url, token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code count} GETs of {@code url} sent at once, without waiting for an answer in between; their answers. */
    public List<HttpResponse<byte[]>> getBytesAtOnce(String url, String token, int count) {
        List<CompletableFuture<HttpResponse<byte[]>>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(http.sendAsync(request(url, token).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        return requests.stream().map(CompletableFuture::join).toList();
    }

    /** A PUT of {@code body} as {@code contentType} (null: none). */
    public HttpResponse<String> put(String url, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder put = request(url, token).PUT(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            put.header("Content-Type", contentType);
        }
        return http.send(put.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        admin.close();
        iam.close();
    }
}
