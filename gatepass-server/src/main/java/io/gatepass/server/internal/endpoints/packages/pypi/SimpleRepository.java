package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.server.internal.endpoints.packages.RepositoryAccess;
import io.gatepass.store.PackageStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The simple index read from the package store. Published versions are listed; Unlisted ones are listed as yanked
 * (PEP 592: installers take them only when pinned with {@code ==}, which is what Unlisted means in CodeArtifact);
 * other statuses are left out. Files of Published and Unlisted versions can be downloaded.
 */
final class SimpleRepository {
    static final String UNLISTED_REASON = "Unlisted in this repository";
    private static final int PAGE = 1_000;
    private static final String METADATA_SUFFIX = ".metadata";

    List<String> projectNames(RepositoryAccess access) {
        List<String> names = new ArrayList<>();
        String after = null;
        while (true) {
            List<HostedPackage> page = access.packages().listPackages(access.domainOwner(), access.domain(),
                    access.repository(), access.format(), null, null, after, PAGE);
            page.forEach(pkg -> names.add(pkg.displayName()));
            if (page.size() < PAGE) {
                return names;
            }
            after = PackageStore.packagePageKey(page.get(page.size() - 1));
        }
    }

    Optional<SimpleProject> project(RepositoryAccess access, String normalizedName) {
        return project(access, access.packageKey(null, normalizedName));
    }

    /** The project's page as the repository {@code key} names has it (this one, or an upstream). */
    Optional<SimpleProject> project(RepositoryAccess access, PackageKey key) {
        String normalizedName = key.name();
        if (access.packages().findPackage(key).isEmpty()) {
            return Optional.empty();
        }
        List<PackageVersion> versions = new ArrayList<>(access.packages().listVersions(key, null, Integer.MAX_VALUE)
                .stream().filter(v -> v.status() == PackageVersionStatus.PUBLISHED
                        || v.status() == PackageVersionStatus.UNLISTED).toList());
        versions.sort(Comparator.comparing(SimpleRepository::sortKey));
        List<String> listed = new ArrayList<>();
        List<SimpleFile> files = new ArrayList<>();
        for (PackageVersion version : versions) {
            listed.add(version.version());
            for (PackageAsset asset : access.packages().listAssets(key, version.version())) {
                VersionMetadata.FileInfo info = VersionMetadata.file(version.metadata(), asset.name(),
                        version.publishedTime());
                SimpleFile file = new SimpleFile(asset.name(), version.version(), asset.sha256(), asset.size(),
                        info.uploadTime(), info.requiresPython(), null,
                        VersionMetadata.coreMetadataSha256(version.metadata(), asset.name()));
                if (version.status() == PackageVersionStatus.UNLISTED) {
                    file = file.yanked(UNLISTED_REASON);
                } else if (info.yankedReason() != null) {
                    file = file.yanked(info.yankedReason());
                }
                files.add(file);
            }
        }
        return Optional.of(new SimpleProject(normalizedName, listed, files));
    }

    Optional<PackageAsset> file(RepositoryAccess access, String normalizedName, String version, String filename) {
        PackageKey key = access.packageKey(null, normalizedName);
        String stored = Pep440Version.normalize(version).orElse(version);
        return access.packages().findVersion(key, stored).filter(v -> v.status().isDownloadable())
                .flatMap(v -> access.packages().findAsset(key, stored, filename));
    }

    /** A wheel's METADATA served as {@code <wheel>.metadata} (PEP 658), when it was kept at upload. */
    Optional<String> coreMetadata(RepositoryAccess access, String normalizedName, String version, String filename) {
        if (!filename.endsWith(METADATA_SUFFIX)) {
            return Optional.empty();
        }
        String wheel = filename.substring(0, filename.length() - METADATA_SUFFIX.length());
        PackageKey key = access.packageKey(null, normalizedName);
        String stored = Pep440Version.normalize(version).orElse(version);
        return access.packages().findVersion(key, stored).filter(v -> v.status().isDownloadable())
                .filter(v -> access.packages().findAsset(key, stored, wheel).isPresent())
                .flatMap(v -> VersionMetadata.coreMetadata(v.metadata(), wheel));
    }

    /** PEP 440 order; versions that are not PEP 440 (none are uploaded here) sort first, by text. */
    private static VersionOrder sortKey(PackageVersion version) {
        return new VersionOrder(Pep440Version.parse(version.version()).orElse(null), version.version());
    }

    private record VersionOrder(Pep440Version parsed, String text) implements Comparable<VersionOrder> {
        @Override
        public int compareTo(VersionOrder other) {
            if (parsed == null || other.parsed == null) {
                return parsed == other.parsed ? text.compareTo(other.text) : parsed == null ? -1 : 1;
            }
            int c = parsed.compareTo(other.parsed);
            return c != 0 ? c : text.compareTo(other.text);
        }
    }
}
