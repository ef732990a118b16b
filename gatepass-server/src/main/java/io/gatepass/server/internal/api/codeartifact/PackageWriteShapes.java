package io.gatepass.server.internal.api.codeartifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatepass.server.internal.api.rest.BlobContent;

import java.util.List;
import java.util.Map;

/**
 * Inputs and outputs of the package write APIs, named as in the AWS model. The model's {@code package} member is
 * {@code packageName} here (a Java keyword otherwise); the routes bind the {@code package} query parameter to it and
 * outputs spell it {@code package}.
 */
public final class PackageWriteShapes {
    private PackageWriteShapes() {
    }

    public record UpdatePackageVersionsStatusInput(String domain, String domainOwner, String repository,
                                                   String format, String namespace, String packageName,
                                                   List<String> versions, Map<String, String> versionRevisions,
                                                   String expectedStatus, String targetStatus) {
    }

    public record DeletePackageVersionsInput(String domain, String domainOwner, String repository, String format,
                                             String namespace, String packageName, List<String> versions,
                                             String expectedStatus) {
    }

    public record DisposePackageVersionsInput(String domain, String domainOwner, String repository, String format,
                                              String namespace, String packageName, List<String> versions,
                                              Map<String, String> versionRevisions, String expectedStatus) {
    }

    public record SuccessfulPackageVersionInfo(String revision, String status) {
    }

    public record PackageVersionError(String errorCode, String errorMessage) {
    }

    /** The result of UpdatePackageVersionsStatus, DeletePackageVersions and DisposePackageVersions. */
    public record PackageVersionsOutput(Map<String, SuccessfulPackageVersionInfo> successfulVersions,
                                        Map<String, PackageVersionError> failedVersions) {
    }

    public record DeletePackageInput(String domain, String domainOwner, String repository, String format,
                                     String namespace, String packageName) {
    }

    public record PackageOriginRestrictions(String publish, String upstream) {
    }

    public record PackageOriginConfiguration(PackageOriginRestrictions restrictions) {
    }

    public record DeletedPackageSummary(String format, String namespace,
                                        @JsonProperty("package") String packageName,
                                        PackageOriginConfiguration originConfiguration) {
    }

    public record DeletePackageOutput(DeletedPackageSummary deletedPackage) {
    }

    /** {@code assetContent} is the request body; {@code assetSHA256} the {@code x-amz-content-sha256} header. */
    public record PublishPackageVersionInput(String domain, String domainOwner, String repository, String format,
                                             String namespace, String packageName, String packageVersion,
                                             BlobContent assetContent, String assetName,
                                             @JsonProperty("assetSHA256") String assetSha256, Boolean unfinished) {
    }

    public record AssetSummary(String name, Long size, Map<String, String> hashes) {
    }

    public record PublishPackageVersionOutput(String format, String namespace,
                                              @JsonProperty("package") String packageName, String version,
                                              String versionRevision, String status, AssetSummary asset) {
    }
}
