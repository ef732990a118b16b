package io.gatepass.cli.internal.aws.call.direct;

/** The User-Agent of a direct call, in the SDK's shape (it is not signed; services only log it). */
final class UserAgent {

    private UserAgent() {
    }

    static String of(String service) {
        return "aws-sdk-java/" + software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION + " md/io#sync"
                + " md/http#UrlConnection ua/2.1 api/" + service + " os/" + clean(System.getProperty("os.name"))
                + "#" + clean(System.getProperty("os.version")) + " lang/java#" + clean(System.getProperty(
                        "java.version")) + " md/internal#gatepass-direct";
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? "unknown" : value.replace(' ', '_');
    }
}
