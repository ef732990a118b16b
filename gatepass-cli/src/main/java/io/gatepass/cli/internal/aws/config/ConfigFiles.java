package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The shared config and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or ~/.aws/...) merged into one
 * SDK {@link ProfileFile}, and the profile this call uses (--profile, AWS_DEFAULT_PROFILE / AWS_PROFILE, "default").
 *
 * @param file            both files merged; a credentials-file value wins over the config file's, as in aws
 * @param profileName     the selected profile's name
 * @param profileFromFlag whether --profile chose it (then aws ignores the key environment variables)
 */
public record ConfigFiles(ProfileFile file, String profileName, boolean profileFromFlag) {

    static final String DEFAULT_PROFILE = "default";

    /** Reads the files named by the environment and home of {@code io}; fails for a named profile that is missing. */
    public static ConfigFiles load(String profileFlag, CliIo io) {
        Map<String, String> env = io.env();
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        // the aggregator keeps the first file's value of a property: credentials first, as aws looks there first
        addIfPresent(files, path(env.get("AWS_SHARED_CREDENTIALS_FILE"), io.home(), ".aws/credentials"),
                ProfileFile.Type.CREDENTIALS);
        addIfPresent(files, path(env.get("AWS_CONFIG_FILE"), io.home(), ".aws/config"), ProfileFile.Type.CONFIGURATION);
        ProfileFile file = files.build();
        String name = firstNonBlank(profileFlag, env.get("AWS_DEFAULT_PROFILE"), env.get("AWS_PROFILE"));
        boolean fromFlag = profileFlag != null && !profileFlag.isBlank();
        if (name == null) {
            name = DEFAULT_PROFILE;
        } else if (file.profile(name).isEmpty()) {
            throw CliException.configuration("The config profile (" + name + ") could not be found");
        }
        return new ConfigFiles(file, name, fromFlag);
    }

    /** The selected profile, if either file has it. */
    public Optional<Profile> profile() {
        return file.profile(profileName);
    }

    /** A setting of the selected profile, e.g. {@code region}, {@code output}, {@code cli_pager}. */
    public Optional<String> setting(String name) {
        return profile().flatMap(p -> p.property(name));
    }

    /** A setting of another profile (source_profile chains). */
    public Optional<String> setting(String profile, String name) {
        return file.profile(profile).flatMap(p -> p.property(name));
    }

    static Path path(String fromEnv, Path home, String underHome) {
        if (fromEnv == null || fromEnv.isBlank()) {
            return home.resolve(underHome);
        }
        if (fromEnv.equals("~") || fromEnv.startsWith("~/")) {
            return home.resolve(fromEnv.length() > 2 ? fromEnv.substring(2) : "");
        }
        return Path.of(fromEnv);
    }

    private static void addIfPresent(ProfileFile.Aggregator files, Path path, ProfileFile.Type type) {
        if (Files.isRegularFile(path)) {
            try {
                files.addFile(ProfileFile.builder().content(path).type(type).build());
            } catch (RuntimeException e) {
                throw CliException.configuration("Unable to parse config file: " + path);
            }
        }
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
