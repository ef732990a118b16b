package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.server.internal.api.rest.StreamedBody;
import io.gatepass.server.internal.api.rest.StreamingPayload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Inputs and outputs of CodeArtifact's package read APIs, named as in the AWS model (camelCase on the wire). */
public final class PackageShapes {
    private PackageShapes() {
    }

    // Shared members
    public record PackageOriginRestrictions(String publish, String upstream) {
    }

    public record PackageOriginConfiguration(PackageOriginRestrictions restrictions) {
    }

    public record DomainEntryPoint(String repositoryName, String externalConnectionName) {
    }

    public record PackageVersionOrigin(DomainEntryPoint domainEntryPoint, String originType) {
    }

    public record LicenseInfo(String name, String url) {
    }

    // ListPackages
    public record ListPackagesInput(String domain, String domainOwner, String repository, String format,
                                    String namespace, String packagePrefix, Integer maxResults, String nextToken,
                                    String publish, String upstream) {
    }

    public record PackageSummary(String format, String namespace, @com.fasterxml.jackson.annotation.JsonProperty(
            "package") String packageName, PackageOriginConfiguration originConfiguration) {
    }

    public record ListPackagesOutput(List<PackageSummary> packages, String nextToken) {
    }

    // PutPackageOriginConfiguration
    public record PutPackageOriginConfigurationInput(String domain, String domainOwner, String repository,
                                                     String format, String namespace,
                                                     @com.fasterxml.jackson.annotation.JsonProperty("package")
                                                     String packageName, PackageOriginRestrictions restrictions) {
    }

    public record PutPackageOriginConfigurationOutput(PackageOriginConfiguration originConfiguration) {
    }

    // DescribePackage
    public record PackageInput(String domain, String domainOwner, String repository, String format,
                               String namespace, @com.fasterxml.jackson.annotation.JsonProperty("package")
                               String packageName) {
    }

    public record PackageDescription(String format, String namespace, String name,
                                     PackageOriginConfiguration originConfiguration) {
    }

    public record DescribePackageOutput(@com.fasterxml.jackson.annotation.JsonProperty("package")
                                        PackageDescription packageDescription) {
    }

    // ListPackageVersions
    public record ListPackageVersionsInput(String domain, String domainOwner, String repository, String format,
                                           String namespace, @com.fasterxml.jackson.annotation.JsonProperty(
                                                   "package") String packageName, String status, String sortBy,
                                           Integer maxResults, String nextToken, String originType) {
    }

    public record PackageVersionSummary(String version, String revision, String status, PackageVersionOrigin origin) {
    }

    public record ListPackageVersionsOutput(String defaultDisplayVersion, String format, String namespace,
                                            @com.fasterxml.jackson.annotation.JsonProperty("package")
                                            String packageName, List<PackageVersionSummary> versions,
                                            String nextToken) {
    }

    // One version: DescribePackageVersion, ListPackageVersionDependencies, GetPackageVersionReadme
    public record PackageVersionInput(String domain, String domainOwner, String repository, String format,
                                      String namespace, @com.fasterxml.jackson.annotation.JsonProperty("package")
                                      String packageName, String packageVersion, String nextToken) {
    }

    public record PackageVersionDescription(String format, String namespace, String packageName, String displayName,
                                            String version, String summary, String homePage,
                                            String sourceCodeRepository, Instant publishedTime,
                                            List<LicenseInfo> licenses, String revision, String status,
                                            PackageVersionOrigin origin) {
    }

    public record DescribePackageVersionOutput(PackageVersionDescription packageVersion) {
    }

    public record PackageDependency(String namespace, @com.fasterxml.jackson.annotation.JsonProperty("package")
                                    String packageName, String dependencyType, String versionRequirement) {
    }

    public record ListPackageVersionDependenciesOutput(String format, String namespace,
                                                       @com.fasterxml.jackson.annotation.JsonProperty("package")
                                                       String packageName, String version, String versionRevision,
                                                       String nextToken, List<PackageDependency> dependencies) {
    }

    public record GetPackageVersionReadmeOutput(String format, String namespace,
                                                @com.fasterxml.jackson.annotation.JsonProperty("package")
                                                String packageName, String version, String versionRevision,
                                                String readme) {
    }

    // ListPackageVersionAssets
    public record ListPackageVersionAssetsInput(String domain, String domainOwner, String repository, String format,
                                                String namespace, @com.fasterxml.jackson.annotation.JsonProperty(
                                                        "package") String packageName, String packageVersion,
                                                Integer maxResults, String nextToken) {
    }

    public record AssetSummary(String name, Long size, Map<String, String> hashes) {
    }

    public record ListPackageVersionAssetsOutput(String format, String namespace,
                                                 @com.fasterxml.jackson.annotation.JsonProperty("package")
                                                 String packageName, String version, String versionRevision,
                                                 String nextToken, List<AssetSummary> assets) {
    }

    // GetPackageVersionAsset
    public record GetPackageVersionAssetInput(String domain, String domainOwner, String repository, String format,
                                              String namespace, @com.fasterxml.jackson.annotation.JsonProperty(
                                                      "package") String packageName, String packageVersion,
                                              String asset, String packageVersionRevision) {
    }

    /** The asset's bytes as the response body, its name, version and revision in the model's headers. */
    /** The asset's bytes are streamed from the blob store as the client takes them (see {@link StreamingPayload}). */
    public record GetPackageVersionAssetOutput(StreamedBody asset, String assetName, String packageVersion,
                                               String packageVersionRevision) implements StreamingPayload {
        @Override
        public StreamedBody payload() {
            return asset;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("X-AssetName", assetName, "X-PackageVersion", packageVersion,
                    "X-PackageVersionRevision", packageVersionRevision);
        }
    }
}
