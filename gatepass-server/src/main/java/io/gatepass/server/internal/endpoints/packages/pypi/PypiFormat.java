package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.server.internal.endpoints.packages.FormatContext;
import io.gatepass.server.internal.endpoints.packages.PackageException;
import io.gatepass.server.internal.endpoints.packages.PackageFormat;
import io.gatepass.server.internal.endpoints.packages.PackageRequest;
import io.gatepass.server.internal.endpoints.packages.PackageResponse;

import java.util.List;
import java.util.Optional;

/**
 * The PyPI format at {@code /pypi/<repository>/}: the simple index pip and uv read ({@code simple/},
 * {@code simple/<project>/}, file downloads under {@code simple/<project>/<version>/<file>}) and the legacy upload
 * twine POSTs to the repository URL. Errors are plain text, which pip and twine print as they are.
 */
public final class PypiFormat implements PackageFormat {
    private static final String NOT_ACCEPTABLE = "Not Acceptable: the simple index is served as text/html, "
            + SimpleFormat.V1_HTML.contentType() + " or " + SimpleFormat.V1_JSON.contentType();

    private final SimpleRepository index = new SimpleRepository();
    private final PypiUploads uploads;

    public PypiFormat(FormatContext context) {
        this.uploads = new PypiUploads(context.clock(), context.ids(),
                UploadLimits.DEFAULT.withMaxFileBytes(context.maxAssetBytes()));
    }

    @Override
    public String format() {
        return "pypi";
    }

    @Override
    public PackageResponse error(int status, String message) {
        return PackageResponse.text(status, message + "\n");
    }

    @Override
    public PackageResponse handle(PackageRequest request) {
        PypiPath path = PypiPath.parse(request.path());
        if (path instanceof PypiPath.RepositoryRoot) {
            if (request.method().equals("POST")) {
                return uploads.upload(request);
            }
            requireRead(request);
            return redirect("simple/");
        }
        requireRead(request);
        if (path instanceof PypiPath.Redirect redirect) {
            return redirect(redirect.location());
        }
        if (path instanceof PypiPath.ProjectList) {
            SimpleFormat format = negotiate(request);
            return page(format, SimpleIndex.projectList(index.projectNames(request.access()), format));
        }
        if (path instanceof PypiPath.ProjectPage page) {
            SimpleFormat format = negotiate(request);
            Optional<SimpleProject> here = index.project(request.access(), page.project());
            List<io.gatepass.server.internal.endpoints.packages.upstream.UpstreamSource> sources = sources(request,
                    page.project());
            SimpleProject project = (sources.isEmpty() ? here : PypiUpstreams.merge(request.access(),
                    request.access().upstreams().orElseThrow(), sources, page.project(), here, index))
                    .orElseThrow(() -> notFound("No project '%s' in repository '%s'", page.project(),
                            request.access().repository()));
            return page(format, SimpleIndex.projectPage(project, format));
        }
        if (path instanceof PypiPath.ProjectFile file) {
            Optional<PackageResponse> metadata = index.coreMetadata(request.access(), file.project(), file.version(),
                    file.filename()).map(text -> PackageResponse.text(200, text));
            if (metadata.isPresent()) {
                return metadata.get();
            }
            Optional<io.gatepass.core.codeartifact.PackageAsset> stored = index.file(request.access(),
                    file.project(), file.version(), file.filename());
            if (stored.isEmpty()) {
                List<io.gatepass.server.internal.endpoints.packages.upstream.UpstreamSource> sources = sources(request,
                        file.project());
                if (!sources.isEmpty() && PypiUpstreams.retain(request.access(),
                        request.access().upstreams().orElseThrow(), sources, file.project(), file.version(),
                        file.filename())) {
                    stored = index.file(request.access(), file.project(), file.version(), file.filename());
                }
            }
            return stored
                    .map(asset -> PackageResponse.blob(200, "application/octet-stream", asset.blobKey(),
                            asset.size()))
                    .orElseThrow(() -> notFound("No file '%s' in version %s of project '%s'", file.filename(),
                            file.version(), file.project()));
        }
        throw notFound("Not found: the PyPI endpoint serves simple/, simple/<project>/ and uploads to its root");
    }

    /** Where to look after this repository (empty: nowhere; PyPI names are matched normalized). */
    private static List<io.gatepass.server.internal.endpoints.packages.upstream.UpstreamSource> sources(
            PackageRequest request, String project) {
        return request.access().upstreams().map(u -> u.searchOrder(null, ProjectNames.normalize(project)))
                .orElse(List.of());
    }

    private void requireRead(PackageRequest request) {
        if (!request.isRead()) {
            throw new PackageException(error(405, "Method " + request.method() + " is not allowed here; "
                    + "uploads go to the repository URL").withHeader("Allow", "GET, HEAD"),
                    "method not allowed");
        }
        request.access().requireRead();
    }

    private static SimpleFormat negotiate(PackageRequest request) {
        List<String> accept = request.headers().get("accept");
        Optional<SimpleFormat> format = SimpleFormat.negotiate(accept == null ? null : String.join(",", accept));
        if (format.isEmpty()) {
            throw new PackageException(PackageResponse.text(406, NOT_ACCEPTABLE + "\n")
                    .withHeader("Vary", SimpleFormat.VARY), NOT_ACCEPTABLE);
        }
        return format.get();
    }

    private static PackageResponse page(SimpleFormat format, byte[] body) {
        return PackageResponse.bytes(200, format.contentType(), body).withHeader("Vary", SimpleFormat.VARY);
    }

    private PackageResponse redirect(String location) {
        return error(301, "Moved to " + location).withHeader("Location", location);
    }

    private PackageException notFound(String format, Object... args) {
        return PackageException.of(this, 404, String.format(format, args));
    }
}
