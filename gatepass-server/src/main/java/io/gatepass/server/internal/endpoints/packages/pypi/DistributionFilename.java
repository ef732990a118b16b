package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactErrors;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file name rules an upload must follow, as PyPI applies them: a wheel is
 * {@code <name>-<version>(-<build>)?-<python>-<abi>-<platform>.whl}, an sdist {@code <name>-<version>.tar.gz} (or the
 * older {@code .zip}); the name in the file must be the project's (after normalization), the version the upload's
 * (after PEP 440 normalization), and the file type must match the extension.
 */
public record DistributionFilename(String filename, Filetype filetype) {
    public static final int MAX_LENGTH = 255;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+!-]+");
    private static final Pattern WHEEL_NAME = Pattern.compile("[A-Za-z0-9_.]+");
    private static final Pattern WHEEL_TAG = Pattern.compile("[A-Za-z0-9_.]+");
    private static final Pattern BUILD_TAG = Pattern.compile("[0-9][A-Za-z0-9_]*");

    /** The {@code filetype} values an upload may carry. */
    public enum Filetype {
        BDIST_WHEEL("bdist_wheel"), SDIST("sdist");

        private final String wire;

        Filetype(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Optional<Filetype> of(String wire) {
            for (Filetype type : values()) {
                if (type.wire.equals(wire)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** Whether a client-given file name is safe to keep and serve at all (no path, no odd characters). */
    public static boolean isSafe(String filename) {
        return filename != null && !filename.isEmpty() && filename.length() <= MAX_LENGTH
                && SAFE.matcher(filename).matches() && !filename.startsWith(".");
    }

    /**
     * Checks an upload's file name against its form fields.
     *
     * @throws ServiceException (400) naming what does not match
     */
    public static DistributionFilename check(String filename, String filetype, String name, String version) {
        if (!isSafe(filename)) {
            throw invalid("Invalid distribution file name '%s': only letters, digits and . _ + ! - are allowed",
                    printable(filename));
        }
        Filetype type = Filetype.of(filetype).orElseThrow(() -> invalid(
                "Unsupported filetype '%s': only bdist_wheel and sdist can be uploaded", printable(filetype)));
        String lower = filename.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".whl")) {
            if (type != Filetype.BDIST_WHEEL) {
                throw invalid("'%s' is a wheel but the upload says filetype '%s'", filename, filetype);
            }
            checkWheel(filename, name, version);
        } else if (lower.endsWith(".tar.gz") || lower.endsWith(".zip")) {
            if (type != Filetype.SDIST) {
                throw invalid("'%s' is a source distribution but the upload says filetype '%s'", filename, filetype);
            }
            checkSdist(filename, lower.endsWith(".zip") ? ".zip" : ".tar.gz", name, version);
        } else {
            throw invalid("Invalid file extension in '%s': use .whl for wheels and .tar.gz for sdists "
                    + "(PEP 527, PEP 625)", filename);
        }
        return new DistributionFilename(filename, type);
    }

    private static void checkWheel(String filename, String name, String version) {
        String stem = filename.substring(0, filename.length() - ".whl".length());
        String[] parts = stem.split("-", -1);
        if (parts.length != 5 && parts.length != 6) {
            throw invalid("Invalid wheel file name '%s': expected "
                    + "<name>-<version>(-<build>)?-<python tag>-<abi tag>-<platform tag>.whl", filename);
        }
        if (!WHEEL_NAME.matcher(parts[0]).matches()) {
            throw invalid("Invalid wheel file name '%s': the name part '%s' may hold only letters, digits, _ and .",
                    filename, parts[0]);
        }
        if (parts.length == 6 && !BUILD_TAG.matcher(parts[2]).matches()) {
            throw invalid("Invalid wheel file name '%s': the build tag '%s' must start with a digit",
                    filename, parts[2]);
        }
        for (int i = parts.length - 3; i < parts.length; i++) {
            if (!WHEEL_TAG.matcher(parts[i]).matches()) {
                throw invalid("Invalid wheel file name '%s': bad compatibility tag '%s'", filename, parts[i]);
            }
        }
        checkName(filename, parts[0], name);
        checkVersion(filename, parts[1], version);
    }

    private static void checkSdist(String filename, String extension, String name, String version) {
        String stem = filename.substring(0, filename.length() - extension.length());
        String expectedName = ProjectNames.normalize(name);
        Optional<String> expectedVersion = Pep440Version.normalize(version);
        for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
            String filenameName = stem.substring(0, dash);
            if (ProjectNames.normalize(filenameName).equals(expectedName)) {
                checkVersion(filename, stem.substring(dash + 1), version);
                return;
            }
            if (Pep440Version.normalize(stem.substring(dash + 1)).equals(expectedVersion)) {
                break;
            }
        }
        throw invalid("Start filename for project '%s' with '%s-' (got '%s'; expected %s-%s%s)", name,
                ProjectNames.escapedForFilename(name).toLowerCase(java.util.Locale.ROOT), filename,
                ProjectNames.escapedForFilename(name).toLowerCase(java.util.Locale.ROOT),
                expectedVersion.orElse(version), extension);
    }

    private static void checkName(String filename, String filenameName, String name) {
        if (!ProjectNames.normalize(filenameName).equals(ProjectNames.normalize(name))) {
            throw invalid("The file name '%s' is for project '%s' but the upload is for project '%s'",
                    filename, filenameName, name);
        }
    }

    private static void checkVersion(String filename, String filenameVersion, String version) {
        Optional<String> inFile = Pep440Version.normalize(filenameVersion);
        if (inFile.isEmpty() || !inFile.equals(Pep440Version.normalize(version))) {
            throw invalid("The file name '%s' has version '%s' but the upload is for version '%s'",
                    filename, filenameVersion, version);
        }
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }

    static ServiceException invalid(String format, Object... args) {
        return CodeArtifactErrors.VALIDATION.exception(format, args);
    }
}
