package io.gatepass.cli.internal.aws;

import java.util.Locale;

/** The --version line, shaped like aws's: {@code gatepass/0.1.0 Java/17.0.9 Linux/6.1.0 amd64}. */
final class Version {

    private Version() {
    }

    static String text() {
        String version = Version.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = "0.1.0";
        }
        version = version.replace("-SNAPSHOT", "");
        return "gatepass/" + version + " Java/" + System.getProperty("java.version") + " "
                + System.getProperty("os.name").replace(' ', '_') + "/" + System.getProperty("os.version") + " "
                + System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    }
}
